"""Checks YAML files against a JSON Schema the way cares reads YAML (the YAML 1.2 core schema).

Usage: python3 check_schema.py SCHEMA.json FILE.yaml … — prints {"FILE": ["problem", …], …} as JSON.
Used by ModuleSchemaTests to keep `cares schema` and `cares validate` in agreement.
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 (yes/no/on are booleans, dates are dates); cares reads YAML 1.2 core."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    results = {}
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                document = yaml.load(handle, Loader=CoreLoader)
        except yaml.YAMLError as error:
            results[path] = ["yaml: " + str(error).replace("\n", " ")]
            continue
        results[path] = [
            "/".join(str(part) for part in error.absolute_path) + ": " + error.message
            for error in validator.iter_errors(document)
        ]
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
