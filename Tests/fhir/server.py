#!/usr/bin/env python3
"""The FHIR R4 server of the submit tests, on 127.0.0.1: SEKMET (PyPI `sekmet-fhir` 0.1.1), a
FastAPI FHIR server that validates every incoming resource with the `fhir.resources` models
(strict) and implements transaction Bundles (all or nothing) with conditional create
(`ifNoneExist`), bearer tokens and an SQLite store.

Usage:
    python3 Tests/fhir/server.py --data DIR --port-file FILE [--token TOKEN] [--port N]

It listens on a free port of 127.0.0.1 (or port N) (bound here, then handed to uvicorn, so there is no race
for the port), writes the port to FILE once it is bound, and serves `http://127.0.0.1:PORT/fhir`
until killed. With --token, requests need `Authorization: Bearer TOKEN` (else 401).

One addition, from the R4 specification: SEKMET's search table lacks the search parameters R4
defines for QuestionnaireResponse (identifier, status, subject, patient, author, authored,
questionnaire; https://hl7.org/fhir/R4/questionnaireresponse.html#search), which conditional
create on the response's identifier needs; they are added before the app starts. Nothing else
is changed.
"""

import argparse
import os
import socket
import sys


def main(arguments):
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--token")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(arguments)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    port = listener.getsockname()[1]

    os.makedirs(args.data, exist_ok=True)
    config = os.path.join(args.data, "settings.yaml")
    auth = (
        f"server_auth:\n  types: [bearer]\n  tokens: [{args.token!r}]\n"
        if args.token else "server_auth:\n  types: [none]\n"
    )
    with open(config, "w") as handle:
        handle.write(
            f"base_url: http://127.0.0.1:{port}/fhir\n"
            f"host: 127.0.0.1\nport: {port}\n"
            f"data_dir: {args.data}\n"
            + auth
            + "validation:\n  inbound: strict\n"
            + "simulator:\n  enabled: false\n"
        )
    os.environ["SEKMET_CONFIG"] = config
    os.chdir(args.data)

    from sekmet.fhir import search_params
    from sekmet.fhir.search_params import SearchParam

    search_params.PARAMS["QuestionnaireResponse"] = {
        name: SearchParam(name, kind, tuple(paths.split("|")), target)
        for name, kind, paths, target in [
            ("identifier", "token", "identifier", None),
            ("status", "token", "status", None),
            ("subject", "reference", "subject", None),
            ("patient", "reference", "subject", "Patient"),
            ("author", "reference", "author", None),
            ("authored", "date", "authored", None),
            ("questionnaire", "reference", "questionnaire", None),
        ]
    }

    import uvicorn
    from sekmet.main import create_app

    app = create_app()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as handle:
        handle.write(f"{port}\n")
    os.rename(tmp, args.port_file)
    uvicorn.run(app, fd=listener.fileno(), log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
