#!/usr/bin/env python3
"""The layering rule, checked: a target may import only the package's own targets it declares
as dependencies in Package.swift (`swift package dump-package`). So the CLI reaches data only
through the engine (it declares LodestoneEngine, LodestoneServer and ArgumentParser), the server
only through the engine, and Core imports nothing of the package. SwiftPM's
--explicit-target-dependency-import-check does not flag these on Linux (a CLI file importing
LodestoneStore built cleanly with it), hence this script. Modules from other packages and the
system are left to the compiler.

Usage: scripts/check-imports.py   (from the repository root; exit 1 and one line per violation)
"""
import json
import os
import re
import subprocess
import sys

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
own = {t["name"] for t in package["targets"]}
problems, checked = [], 0
for target in package["targets"]:
    name = target["name"]
    folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
    declared = {list(d.values())[0][0] for d in target.get("dependencies", []) if "byName" in d or "target" in d}
    for root, _, files in os.walk(folder):
        for file in files:
            if not file.endswith(".swift"):
                continue
            path = os.path.join(root, file)
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    match = re.match(r"\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)", line)
                    if not match:
                        continue
                    module = match.group(1)
                    checked += 1
                    if module in own and module != name and module not in declared:
                        problems.append(f"{path}:{number}: {name} imports {module}, which it does not declare in Package.swift "
                                        f"(declared: {', '.join(sorted(declared & own)) or 'none'})")
for problem in problems:
    print(problem)
print(f"check-imports: {checked} imports in {len(package['targets'])} targets, {len(problems)} outside the declared layering", file=sys.stderr)
sys.exit(1 if problems else 0)
