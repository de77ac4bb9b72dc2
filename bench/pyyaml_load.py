"""What a trainer would script: PyYAML's libyaml-backed loader over every module file."""
import sys
import yaml

count = 0
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
        count += 1
print(f"{count} files loaded")
