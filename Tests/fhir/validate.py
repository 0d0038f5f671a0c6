#!/usr/bin/env python3
"""Validate FHIR R4 resources (JSON) written by SpineTriage, with three independent validators.

Usage:
    python3 Tests/fhir/validate.py FILE... [--expect-invalid FILE...]
    python3 Tests/fhir/validate.py < FILE       validate one resource from standard input

Each resource (and each resource inside a Bundle) goes through:

1. `fhirclient` 4.4 (SMART on FHIR's R4 4.0.1 models), strict: every element must exist in R4
   with its type and cardinality; required elements present.
2. `fhircraft` 0.9 (pydantic models generated from the R4 4.0.1 StructureDefinitions), which
   also evaluates the FHIRPath invariants of the specification: qrs-1, que-*, txt-1/txt-2
   (narrative XHTML), ref-1, bdl-*, obs-*, dom-*... Its warnings (best-practice invariants)
   count as problems too.
3. `fhir.resources` 8 (pydantic models of FHIR R4B 4.3.0, the closest release it ships to R4;
   the same for every resource written here), from a third code base: structure, types,
   cardinality and the primitive types' regular expressions (dateTime, instant, canonical...).
4. Checks none does: required code bindings of the elements written here; dom-3 for
   contained resources; a QuestionnaireResponse whose `questionnaire` (url|version) matches a
   Questionnaire given in the same run is checked against it (every linkId exists, sits in the
   same group, answers with the value type of its item, no disabled item answered); inside a
   Bundle, every `urn:uuid:` reference resolves to an entry's `fullUrl`; codes on items are only
   the verified ones listed in README.md; an item has an answer or items, or says why it has
   none with the standard data-absent-reason extension (not done, or not asked).

Files after `--expect-invalid` are deliberately broken copies: each must be found invalid.

Exit status: 0 when every file is as expected; 1 when one is not (each problem is printed with
the file name); 2 for a usage or JSON error; 3 when a validator package is not installed
(pip install fhirclient==4.4.0 fhircraft==0.9.0 fhir.resources==8.3.0).
"""

import json
import re
import sys

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_MISSING_DEPENDENCY = 3

ANSWER_TYPES = {
    "boolean": "valueBoolean",
    "decimal": "valueDecimal",
    "integer": "valueInteger",
    "date": "valueDate",
    "dateTime": "valueDateTime",
    "time": "valueTime",
    "string": "valueString",
    "text": "valueString",
    "url": "valueUri",
    "choice": "valueCoding",
    "open-choice": None,  # valueCoding or valueString
    "attachment": "valueAttachment",
    "reference": "valueReference",
    "quantity": "valueQuantity",
}


def load_validators():
    """The two R4 validators: (name, function(resource) -> list of problems)."""
    try:
        import warnings
        from fhirclient.models.fhirabstractbase import FHIRValidationError
        from fhirclient.models.fhirelementfactory import FHIRElementFactory
        from fhir.resources.R4B import get_fhir_model_class
        from fhircraft.fhir.resources.datatypes.R4.core.bundle import Bundle
        from fhircraft.fhir.resources.datatypes.R4.core.device import Device
        from fhircraft.fhir.resources.datatypes.R4.core.observation import Observation
        from fhircraft.fhir.resources.datatypes.R4.core.questionnaire import Questionnaire
        from fhircraft.fhir.resources.datatypes.R4.core.questionnaire_response import (
            QuestionnaireResponse,
        )
    except ImportError as error:  # pragma: no cover - depends on the machine
        print(
            "validate.py: the Python packages fhirclient (4.4, R4), fhircraft (0.9, R4 with"
            " invariants) and fhir.resources (8.3, R4B) are required: pip install"
            f" fhirclient==4.4.0 fhircraft==0.9.0 fhir.resources==8.3.0 ({error})",
            file=sys.stderr,
        )
        sys.exit(EXIT_MISSING_DEPENDENCY)

    def fhirclient_r4(resource):
        try:
            FHIRElementFactory.instantiate(resource.get("resourceType"), None)
        except Exception:
            return [f"unknown R4 resourceType {resource.get('resourceType')!r}"]
        try:
            model = FHIRElementFactory.instantiate(resource["resourceType"], None)
            model.update_with_json(resource)  # strict: raises on any problem
            return []
        except FHIRValidationError as error:
            return [f"fhirclient (R4 4.0.1): {error}"]

    craft_models = {
        "Bundle": Bundle, "Device": Device, "Observation": Observation,
        "Questionnaire": Questionnaire,
        "QuestionnaireResponse": QuestionnaireResponse,
    }

    def fhircraft_r4(resource):
        model = craft_models.get(resource.get("resourceType"))
        if model is None:
            return [f"fhircraft: no R4 model loaded for {resource.get('resourceType')!r}"]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                model.model_validate(resource)
                problems = []
            except Exception as error:  # pydantic.ValidationError and friends
                problems = [f"fhircraft (R4 4.0.1, invariants): {error}"]
        for warning in caught:
            problems.append(f"fhircraft warning: {warning.message}")
        return problems

    def fhir_resources_r4b(resource):
        try:
            model = get_fhir_model_class(resource.get("resourceType"))
        except Exception:
            return [f"fhir.resources: unknown resourceType {resource.get('resourceType')!r}"]
        try:
            model.model_validate(resource)
        except Exception as error:  # pydantic.ValidationError
            return [f"fhir.resources (R4B 4.3.0): {error}"]
        return []

    return [
        ("fhirclient", fhirclient_r4), ("fhircraft", fhircraft_r4),
        ("fhir.resources", fhir_resources_r4b),
    ]


# Item codes verified against their source (README.md, "FHIR an EHR can map").
VERIFIED_CODES = {
    ("http://loinc.org", "30525-0"), ("http://loinc.org", "46098-0"),
    ("http://loinc.org", "82810-3"), ("http://snomed.info/sct", "279039007"),
    ("http://snomed.info/sct", "64859006"), ("http://snomed.info/sct", "81680005"),
}

# Required code bindings of the elements SpineTriage writes (fhir.resources checks no binding).
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
OBSERVATION_STATUS = {
    "registered", "preliminary", "final", "amended", "corrected", "cancelled",
    "entered-in-error", "unknown",
}
ITEM_TYPES = {"group", "display", "question"} | set(ANSWER_TYPES)
ENABLE_OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
ENABLE_BEHAVIORS = {"all", "any"}


def check_code(problems, where, value, allowed):
    if value is not None and value not in allowed:
        problems.append(f"{where}: {value!r} is not one of {', '.join(sorted(allowed))}")


def walk_items(items, path=()):
    """Yield (item, parent path) for every item, depth first."""
    for item in items or []:
        yield item, path
        yield from walk_items(item.get("item"), path + (item.get("linkId"),))
        for answer in item.get("answer") or []:
            yield from walk_items(answer.get("item"), path + (item.get("linkId"),))


def check_contained(resource, problems):
    """dom-3: contained resources are referenced from the container."""
    contained = resource.get("contained") or []
    if not contained:
        return
    text = json.dumps({k: v for k, v in resource.items() if k != "contained"})
    for inner in contained:
        ref = "#" + str(inner.get("id"))
        if inner.get("id") is None:
            problems.append("dom-3: a contained resource has no id")
        elif f'"{ref}"' not in text:
            problems.append(f"dom-3: contained resource {ref} is not referenced by its container")
        if inner.get("resourceType") == "Observation":
            check_code(problems, f"contained {ref} status", inner.get("status"), OBSERVATION_STATUS)
        if "contained" in inner:
            problems.append(f"dom-2: contained resource {ref} contains resources")


def check_questionnaire(resource, problems):
    check_code(problems, "Questionnaire.status", resource.get("status"), PUBLICATION_STATUS)
    seen = {}
    for item, path in walk_items(resource.get("item")):
        link_id = item.get("linkId")
        check_code(problems, f"item {link_id!r} type", item.get("type"), ITEM_TYPES)
        check_code(
            problems, f"item {link_id!r} enableBehavior", item.get("enableBehavior"),
            ENABLE_BEHAVIORS,
        )
        for condition in item.get("enableWhen") or []:
            check_code(
                problems, f"item {link_id!r} enableWhen.operator", condition.get("operator"),
                ENABLE_OPERATORS,
            )
        if link_id in seen:
            problems.append(f"que-2: linkId {link_id!r} is not unique")
        seen[link_id] = item
        kind = item.get("type")
        if kind == "group" and not item.get("item"):
            problems.append(f"que-1: group {link_id!r} has no items")
        if kind == "display" and item.get("item"):
            problems.append(f"que-1: display item {link_id!r} has items")
        conditions = item.get("enableWhen") or []
        if len(conditions) > 1 and "enableBehavior" not in item:
            problems.append(f"que-12: item {link_id!r} has several enableWhen but no enableBehavior")
    for item, _ in walk_items(resource.get("item")):
        for condition in item.get("enableWhen") or []:
            if condition.get("question") not in seen:
                problems.append(
                    f"item {item.get('linkId')!r}: enableWhen names an unknown question"
                    f" {condition.get('question')!r}"
                )


def check_response(resource, problems):
    check_code(problems, "QuestionnaireResponse.status", resource.get("status"), RESPONSE_STATUS)
    for item, path in walk_items(resource.get("item")):
        link_id = item.get("linkId")
        if "answer" in item and "item" in item:
            problems.append(f"qrs-1: item {link_id!r} has both answer and item")
        if "answer" not in item and not item.get("item") and not absent_reason(item):
            problems.append(f"item {link_id!r} has neither answer nor items (nor a reason)")


def absent_reason(item):
    """The code of the standard data-absent-reason extension on an item without an answer
    (not-performed: not done; not-asked: folded away), or None."""
    for extension in item.get("extension") or []:
        if extension.get("url") == "http://hl7.org/fhir/StructureDefinition/data-absent-reason":
            return extension.get("valueCode")
    return None


def answer_value(answer):
    keys = [key for key in answer if key.startswith("value")]
    return (keys[0], answer[keys[0]]) if len(keys) == 1 else (None, None)


def enabled(item, answers_by_link_id):
    """Whether a Questionnaire item is enabled by its own enableWhen (R4 semantics for '=',
    '!=' and 'exists', which is what SpineTriage uses). R4 QuestionnaireItemOperator: '!=' is
    true when no answer has the value, so a question not answered satisfies it."""
    conditions = item.get("enableWhen") or []
    if not conditions:
        return True
    results = []
    for condition in conditions:
        values = answers_by_link_id.get(condition.get("question"), [])
        operator = condition.get("operator")
        expected = [v for k, v in condition.items() if k.startswith("answer")]
        if operator == "exists":
            results.append(bool(values) == bool(expected and expected[0]))
        elif operator == "=":
            results.append(bool(expected) and expected[0] in values)
        elif operator == "!=":
            results.append(bool(expected) and expected[0] not in values)
        else:
            results.append(True)  # not modelled: do not report
    return any(results) if item.get("enableBehavior") == "any" else all(results)


def check_against(response, questionnaire, problems):
    """The response follows the Questionnaire's tree, types and enableWhen."""
    definitions = {}
    parents = {}
    for item, path in walk_items(questionnaire.get("item")):
        definitions[item["linkId"]] = item
        parents[item["linkId"]] = path
    answers = {}
    for item, _ in walk_items(response.get("item")):
        for answer in item.get("answer") or []:
            _, value = answer_value(answer)
            answers.setdefault(item.get("linkId"), []).append(value)
    for item, path in walk_items(response.get("item")):
        link_id = item.get("linkId")
        definition = definitions.get(link_id)
        if definition is None:
            problems.append(f"item {link_id!r} is not in the Questionnaire")
            continue
        if parents[link_id] != path:
            problems.append(
                f"item {link_id!r} is under {'/'.join(path) or 'the root'}, the Questionnaire"
                f" has it under {'/'.join(parents[link_id]) or 'the root'}"
            )
        chain = [link_id] + list(reversed(parents[link_id]))
        disabled = [lid for lid in chain if not enabled(definitions[lid], answers)]
        if disabled:
            problems.append(
                f"item {link_id!r} is present but disabled (enableWhen of {disabled[0]!r})"
            )
        kind = definition.get("type")
        if kind == "group":
            if "answer" in item:
                problems.append(f"group {link_id!r} has an answer")
            continue
        expected = ANSWER_TYPES.get(kind)
        given = item.get("answer") or []
        if len(given) > 1 and not definition.get("repeats"):
            problems.append(f"item {link_id!r} has {len(given)} answers but does not repeat")
        for answer in given:
            key, value = answer_value(answer)
            if expected and key != expected:
                problems.append(f"item {link_id!r} ({kind}) answered with {key}, expected {expected}")
            if kind == "choice" and key == "valueCoding" and definition.get("answerOption"):
                options = [
                    (o["valueCoding"].get("system"), o["valueCoding"].get("code"))
                    for o in definition["answerOption"]
                    if "valueCoding" in o
                ]
                if (value.get("system"), value.get("code")) not in options:
                    problems.append(f"item {link_id!r}: {value.get('code')!r} is not an answerOption")


def check_codes(resource, problems):
    """Item codes: only the verified ones."""
    for item, _ in walk_items(resource.get("item")):
        for coding in item.get("code") or []:
            pair = (coding.get("system"), coding.get("code"))
            if pair not in VERIFIED_CODES:
                problems.append(
                    f"item {item.get('linkId')!r}: code {pair[1]!r} of {pair[0]!r} is not one of"
                    " the verified codes (README.md)"
                )


def check_narrative(resource, problems):
    """The narrative is present and generated (dom-6 asks for it; txt-1/2 are fhircraft's)."""
    text = resource.get("text")
    if not isinstance(text, dict) or not text.get("div"):
        problems.append(f"{resource.get('resourceType')}: no narrative (text.div)")
    elif text.get("status") not in {"generated", "extensions", "additional", "empty"}:
        problems.append(f"text.status: {text.get('status')!r} is not a narrative status")


def check_bundle(bundle, problems):
    """Bundle type, unique fullUrls, and every urn:uuid reference resolving inside it."""
    check_code(
        problems, "Bundle.type", bundle.get("type"),
        {"document", "message", "transaction", "transaction-response", "batch", "batch-response",
         "history", "searchset", "collection"},
    )
    full_urls = [entry.get("fullUrl") for entry in bundle.get("entry") or []]
    if len(set(full_urls)) != len(full_urls):
        problems.append("bdl-7: fullUrls are not unique")
    text = json.dumps(bundle)
    for reference in sorted(set(re.findall(r'"reference": "(urn:uuid:[^"]*)"', text))):
        if reference not in full_urls:
            problems.append(f"reference {reference} does not resolve to an entry of the Bundle")


def check_observation(resource, problems):
    """What SpineTriage promises of its recommendation Observation: the clinical status coded,
    and no recommendation value while there is no decision (obs-6: no value with a
    dataAbsentReason)."""
    components = resource.get("component") or []
    statuses = [
        coding.get("code")
        for component in components
        for coding in (component.get("code") or {}).get("coding") or []
        if coding.get("code") == "assessment-status"
    ]
    if len(statuses) != 1:
        problems.append("Observation: expected one assessment-status component")
    if resource.get("status") == "registered" and "valueCodeableConcept" in resource:
        problems.append("Observation: registered (no result yet) but it carries a value")
    if "dataAbsentReason" in resource and any(k.startswith("value") for k in resource):
        problems.append("obs-6: dataAbsentReason with a value")


def validate(name, resource, questionnaires, validators):
    """Problems with one resource (empty when valid); a Bundle's entries are validated too."""
    if not isinstance(resource, dict):
        return ["expected a JSON object"]
    resource_type = resource.get("resourceType")
    if not isinstance(resource_type, str):
        return ["no resourceType"]
    problems = []
    for _, validator in validators:
        problems += validator(resource)
    check_contained(resource, problems)
    if resource_type == "Bundle":
        check_bundle(resource, problems)
        for index, entry in enumerate(resource.get("entry") or []):
            inner = entry.get("resource")
            for problem in validate(name, inner, questionnaires, validators):
                problems.append(f"entry[{index}] {problem}")
        return problems
    check_narrative(resource, problems)
    if resource_type == "Questionnaire":
        check_questionnaire(resource, problems)
        check_codes(resource, problems)
    elif resource_type == "QuestionnaireResponse":
        check_response(resource, problems)
        canonical = resource.get("questionnaire")
        if canonical in questionnaires:
            check_against(resource, questionnaires[canonical], problems)
    elif resource_type == "Observation":
        check_code(problems, "Observation.status", resource.get("status"), OBSERVATION_STATUS)
        check_observation(resource, problems)
    return problems


def read_inputs(arguments):
    if not arguments or arguments == ["-"]:
        return [("<stdin>", sys.stdin.read())]
    inputs = []
    for path in arguments:
        try:
            with open(path, encoding="utf-8") as handle:
                inputs.append((path, handle.read()))
        except OSError as error:
            print(f"{path}: cannot read: {error}", file=sys.stderr)
            sys.exit(EXIT_USAGE)
    return inputs


def main(arguments):
    if arguments and arguments[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    expected_invalid = set()
    if "--expect-invalid" in arguments:
        split = arguments.index("--expect-invalid")
        expected_invalid = set(arguments[split + 1:])
        arguments = arguments[:split] + arguments[split + 1:]
    validators = load_validators()  # fail early, and clearly, without the packages
    documents = []
    for name, text in read_inputs(arguments):
        try:
            documents.append((name, json.loads(text)))
        except json.JSONDecodeError as error:
            print(f"{name}: not JSON: {error}", file=sys.stderr)
            return EXIT_USAGE
    questionnaires = {}
    for name, resource in documents:
        if name in expected_invalid:
            continue
        if isinstance(resource, dict) and resource.get("resourceType") == "Questionnaire":
            url, version = resource.get("url"), resource.get("version")
            questionnaires[url] = resource
            if version:
                questionnaires[f"{url}|{version}"] = resource
    failed = 0
    for name, resource in documents:
        problems = validate(name, resource, questionnaires, validators)
        kind = resource.get("resourceType") if isinstance(resource, dict) else "?"
        if name in expected_invalid:
            if problems:
                print(f"{name}: rejected as expected ({kind})")
                for problem in problems:
                    print("  - " + problem.replace("\n", "\n    "))
            else:
                failed += 1
                print(f"{name}: ACCEPTED but is a deliberately broken {kind}", file=sys.stderr)
        elif problems:
            failed += 1
            print(f"{name}: INVALID {kind}", file=sys.stderr)
            for problem in problems:
                print("  - " + problem.replace("\n", "\n    "), file=sys.stderr)
        else:
            print(f"{name}: valid {kind}")
    if failed:
        print(f"{failed} of {len(documents)} file(s) not as expected", file=sys.stderr)
        return EXIT_INVALID
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
