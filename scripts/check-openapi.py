#!/usr/bin/env python3
"""Checks real responses of a running `lodestone serve` against its own /openapi.yaml.

Usage: scripts/check-openapi.py [BASE_URL]   (default http://127.0.0.1:8080)
Needs PyYAML and openapi-schema-validator (pip install pyyaml openapi-schema-validator).
For each request below: the path must be documented, the status must be one of the documented
responses, and a JSON body must validate against the documented schema. Exits 1 on any mismatch.
"""
import json
import sys
import urllib.error
import urllib.request

import yaml
from openapi_schema_validator import OAS30Validator

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
CASES = [
    ("GET", "/healthz", "/healthz", None),
    ("GET", "/api/v1/risk?importer=JPN&year=2024", "/api/v1/risk", None),
    ("GET", "/api/v1/risk?importer=USA%2BJPN", "/api/v1/risk", None),
    ("GET", "/api/v1/risk?importer=JPN&years=2022-2024&commodity=graphite", "/api/v1/risk", None),
    ("GET", "/api/v1/suppliers?importer=JPN&commodity=gallium&years=2023,2024&top=3", "/api/v1/suppliers", None),
    ("GET", "/api/v1/risk?importer=Jpan", "/api/v1/risk", None),
    ("GET", "/api/v1/risk?importer=JPN&year=1950", "/api/v1/risk", None),
    ("GET", "/api/v1/suppliers?importer=JPN&commodity=gallium", "/api/v1/suppliers", None),
    ("GET", "/api/v1/suppliers?importer=JPN&commodity=galium", "/api/v1/suppliers", None),
    ("GET", "/api/v1/suppliers?importer=USA&commodity=tungsten:refined", "/api/v1/suppliers", None),
    ("GET", "/api/v1/suppliers?importer=JPN&commodity=refined%20tin", "/api/v1/suppliers", None),
    ("GET", "/api/v1/risk?importer=USA&commodity=tin:refined,gallium", "/api/v1/risk", None),
    ("GET", "/api/v1/concentration?commodity=cobalt", "/api/v1/concentration", None),
    ("GET", "/api/v1/trace?importer=USA&commodity=cobalt", "/api/v1/trace", None),
    ("GET", "/api/v1/exposure?exporter=CHN&commodity=gallium&top=5", "/api/v1/exposure", None),
    ("GET", "/api/v1/exposure?exporter=CHN%2BHKG&commodity=gallium&years=2022,2024", "/api/v1/exposure", None),
    ("GET", "/api/v1/exposure?exporter=Chna&commodity=gallium", "/api/v1/exposure", None),
    ("GET", "/api/v1/scenarios", "/api/v1/scenarios", None),
    ("GET", "/api/v1/scenarios/china-graphite-2023", "/api/v1/scenarios/{name}", None),
    ("GET", "/api/v1/scenarios/china-graphite", "/api/v1/scenarios/{name}", None),
    ("GET", "/api/v1/scenarios/run?preset=china-graphite-2023&importer=JPN,USA", "/api/v1/scenarios/run", None),
    # every country: nonConsumingCountries per market; and an importer that consumes none (null shares)
    ("GET", "/api/v1/scenarios/run?preset=china-rare-earths-april-2025&importer=all&top=10", "/api/v1/scenarios/run", None),
    ("GET", "/api/v1/scenarios/run?preset=china-gallium-germanium-2023&importer=TWN", "/api/v1/scenarios/run", None),
    ("GET", "/api/v1/scenarios/run?preset=china-us-ban-2024&importer=USA,JPN&duration=2.5", "/api/v1/scenarios/run", None),
    ("POST", "/api/v1/scenarios/run", "/api/v1/scenarios/run",
     {"restricting": ["CHN"], "commodities": ["antimony"], "severity": 0.8, "importers": ["JPN"]}),
    ("POST", "/api/v1/scenarios/run", "/api/v1/scenarios/run", {"preset": "china-graphite-2023"}),
    ("GET", "/api/v1/backtest", "/api/v1/backtest", None),
    ("GET", "/api/v1/priorities?importer=JPN&draws=20000", "/api/v1/priorities", None),
    ("GET", "/api/v1/priorities?importer=USA&commodity=gallium,tungsten:mine,gold&draws=5000&seed=1", "/api/v1/priorities", None),
    ("GET", "/api/v1/priorities?importer=Jpan", "/api/v1/priorities", None),
    ("GET", "/api/v1/priorities?importer=JPN&draws=99000000", "/api/v1/priorities", None),
    ("GET", "/api/v1/priorities?importer=JPN&commodity=gold", "/api/v1/priorities", None),
    ("GET", "/api/v1/plan/stockpile?importer=JPN&budget=1e9&draws=1000", "/api/v1/plan/stockpile", None),
    ("GET", "/api/v1/plan/stockpile?importer=US-Japan&commodity=gallium,rare-earth:refined&draws=500", "/api/v1/plan/stockpile", None),
    ("GET", "/api/v1/plan/stockpile?importer=JPN&commodity=gallium,graphite&draws=500&disruptionYears=3", "/api/v1/plan/stockpile", None),
    ("GET", "/api/v1/plan/stockpile?importer=JPN&budget=-5", "/api/v1/plan/stockpile", None),
    ("GET", "/api/v1/plan/invest?importer=US-Japan&budget=5e9&horizon=2030&draws=300", "/api/v1/plan/invest", None),
    ("GET", "/api/v1/plan/invest?importer=US-Japan", "/api/v1/plan/invest", None),
    ("GET", "/api/v1/country?country=JPN&partners=MSP", "/api/v1/country", None),
    ("GET", "/api/v1/country?country=%E6%97%A5%E6%9C%AC&lang=ja", "/api/v1/country", None),
    ("GET", "/api/v1/country?country=Atlantis", "/api/v1/country", None),
    ("GET", "/api/v1/risk?importer=JPN&lang=ar", "/api/v1/risk", None),
    ("GET", "/api/v1/concentration?commodity=gallium&years=2012-2025", "/api/v1/concentration", None),
    ("GET", "/api/v1/commodities", "/api/v1/commodities", None),
    ("GET", "/api/v1/countries", "/api/v1/countries", None),
    ("GET", "/api/v1/groups", "/api/v1/groups", None),
    ("GET", "/api/v1/data", "/api/v1/data", None),
    ("GET", "/api/v1/data/check?importer=USA&year=2024", "/api/v1/data/check", None),
    ("GET", "/api/v1/data/check?importer=JPN", "/api/v1/data/check", None),
    ("GET", "/api/v1/data/check?importer=US-Japan", "/api/v1/data/check", None),
]


def resolve(spec, node):
    if isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return resolve(spec, target)
    return node


def main():
    with urllib.request.urlopen(BASE + "/openapi.yaml") as response:
        spec = yaml.safe_load(response.read())
    failures = 0
    for method, url, path, body in CASES:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(BASE + url, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as response:
                status, text = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read()
        operation = spec["paths"].get(path, {}).get(method.lower())
        problem = None
        if operation is None:
            problem = "path not documented"
        elif str(status) not in operation["responses"]:
            problem = f"status {status} not documented ({', '.join(operation['responses'])})"
        else:
            documented = resolve(spec, operation["responses"][str(status)])
            schema = documented.get("content", {}).get("application/json", {}).get("schema")
            if schema is not None:
                schema = {**schema, "components": spec["components"]}
                errors = sorted(OAS30Validator(schema).iter_errors(json.loads(text)), key=str)
                if errors:
                    problem = f"body does not match the schema: {errors[0].message} at {list(errors[0].absolute_path)}"
        print(f"{'FAIL' if problem else 'ok  '} {method} {url} -> {status}" + (f": {problem}" if problem else ""))
        failures += problem is not None
    print(f"{len(CASES) - failures}/{len(CASES)} responses conform to /openapi.yaml")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
