#!/usr/bin/env python3
"""Validate FHIR R4 resources (JSON) written by SpineTriage.

Usage:
    python3 Tests/fhir/validate.py FILE...      validate each file
    python3 Tests/fhir/validate.py < FILE       validate one resource from standard input
    python3 Tests/fhir/validate.py -            same

Each resource is parsed with the `fhir.resources` R4B models (R4B shares R4's Questionnaire and
QuestionnaireResponse) as its own `resourceType`: structure, data types and cardinality. As
`fhir.resources` does not check invariants, a few that matter here are checked too:

- que-1 (R4): a group has items, a display item has none; que-2: linkIds are unique;
  que-12: enableBehavior is present when there is more than one enableWhen; every
  enableWhen.question names an item of the same Questionnaire.
- qrs-1: a response item has `answer` or `item`, never both; a group in a response has items.
- The required code bindings of the elements written here: statuses, item types, enableWhen
  operators and enableBehavior.
- dom-3: every contained resource is referenced from its container (`#id`).
- A QuestionnaireResponse whose `questionnaire` (url|version) matches a Questionnaire given in
  the same run is checked against it: every linkId exists, sits in the same group, and answers
  with the value type of its item; no disabled item (enableWhen) is answered.

Exit status: 0 when every resource is valid; 1 when one is not (each problem is printed with
the file name); 2 for a usage or JSON error; 3 when `fhir.resources` is not installed.
"""

import json
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


def load_model(resource_type):
    """The fhir.resources R4B model class for a resource type."""
    try:
        from fhir.resources.R4B import get_fhir_model_class
    except ImportError as error:  # pragma: no cover - depends on the machine
        print(
            "validate.py: the Python package fhir.resources (8.x, with R4B models) is required:"
            f" pip install 'fhir.resources>=8' ({error})",
            file=sys.stderr,
        )
        sys.exit(EXIT_MISSING_DEPENDENCY)
    try:
        return get_fhir_model_class(resource_type)
    except (KeyError, ValueError, AttributeError, ImportError):
        return None


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
        if "answer" not in item and not item.get("item"):
            problems.append(f"item {link_id!r} has neither answer nor items")


def answer_value(answer):
    keys = [key for key in answer if key.startswith("value")]
    return (keys[0], answer[keys[0]]) if len(keys) == 1 else (None, None)


def enabled(item, answers_by_link_id):
    """Whether a Questionnaire item is enabled by its own enableWhen (R4 semantics, '=' and
    'exists' only, which is what SpineTriage uses)."""
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
            results.append(bool(expected) and bool(values) and expected[0] not in values)
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


def validate(name, resource, questionnaires):
    """Problems with one resource (empty when valid)."""
    if not isinstance(resource, dict):
        return ["expected a JSON object"]
    resource_type = resource.get("resourceType")
    if not isinstance(resource_type, str):
        return ["no resourceType"]
    model = load_model(resource_type)
    if model is None:
        return [f"unknown resourceType {resource_type!r}"]
    problems = []
    try:
        model.model_validate(resource)
    except Exception as error:  # pydantic.ValidationError and friends
        problems.append(f"{resource_type} does not validate (fhir.resources R4B):\n{error}")
    check_contained(resource, problems)
    if resource_type == "Questionnaire":
        check_questionnaire(resource, problems)
    elif resource_type == "QuestionnaireResponse":
        check_response(resource, problems)
        canonical = resource.get("questionnaire")
        if canonical in questionnaires:
            check_against(resource, questionnaires[canonical], problems)
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
    load_model("Questionnaire")  # fail early, and clearly, without fhir.resources
    documents = []
    for name, text in read_inputs(arguments):
        try:
            documents.append((name, json.loads(text)))
        except json.JSONDecodeError as error:
            print(f"{name}: not JSON: {error}", file=sys.stderr)
            return EXIT_USAGE
    questionnaires = {}
    for _, resource in documents:
        if isinstance(resource, dict) and resource.get("resourceType") == "Questionnaire":
            url, version = resource.get("url"), resource.get("version")
            questionnaires[url] = resource
            if version:
                questionnaires[f"{url}|{version}"] = resource
    failed = 0
    for name, resource in documents:
        problems = validate(name, resource, questionnaires)
        kind = resource.get("resourceType") if isinstance(resource, dict) else "?"
        if problems:
            failed += 1
            print(f"{name}: INVALID {kind}", file=sys.stderr)
            for problem in problems:
                print("  - " + problem.replace("\n", "\n    "), file=sys.stderr)
        else:
            print(f"{name}: valid {kind}")
    if failed:
        print(f"{failed} of {len(documents)} resource(s) invalid", file=sys.stderr)
        return EXIT_INVALID
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
