import SpineTriageCLI

SpineTriage.runMain()
