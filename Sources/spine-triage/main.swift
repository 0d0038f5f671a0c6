import SpineTriageCLI

SpineTriage.main()
