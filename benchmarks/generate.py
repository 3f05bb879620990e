"""Write N realistic roadmaps that validate, for benchmarks: ``python benchmarks/generate.py OUT_DIR N``.

Each is the built-in Belfast–Sejong roadmap (14 proposals, ~30 people, ~20
organisations) under a new pair id, with its proposals' words, timelines and
contacts reshuffled by a seeded random generator: deterministic, so runs compare.
"""

from __future__ import annotations

import copy
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from twins_cli.files.locate import builtin_dir
from twins_cli.parse.yaml_document import load_document

HEADER = "# yaml-language-server: $schema=../schema/roadmap.schema.json\n"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _shuffle_words(rng: random.Random, text: str) -> str:
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def variant(template: dict[str, Any], index: int, rng: random.Random) -> dict[str, Any]:
    """One roadmap: the template with a new pair id and reshuffled proposals."""
    data: dict[str, Any] = copy.deepcopy(template)
    pair_id = f"pair-{index:04d}"
    data["pair"]["id"] = pair_id
    data["pair"]["name"] = f"Pair {index:04d}"
    people = [person["id"] for person in data["people"]]
    for proposal in data["proposals"]:
        for field in ("vision", "description"):
            if field in proposal:
                proposal[field] = _shuffle_words(rng, proposal[field])
        proposal["outcomes"] = rng.sample(proposal.get("outcomes", []), k=len(proposal.get("outcomes", [])))
        start_year, start_month = rng.randint(2024, 2027), rng.randint(1, 12)
        length = rng.randint(0, 30)
        end_year, end_month = divmod(start_year * 12 + start_month - 1 + length, 12)
        proposal["timeline"] = {"start": f"{start_year}-{start_month:02d}", "end": f"{end_year}-{end_month + 1:02d}"}
        proposal["contacts"] = rng.sample(people, k=rng.randint(1, 5))
    return data


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    out, count = Path(argv[0]), int(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    roadmaps = builtin_dir("roadmaps")
    template = load_document(roadmaps / "belfast-sejong.yaml").data
    shutil.copyfile(roadmaps / "programme.yaml", out / "programme.yaml")
    rng = random.Random(20240401)
    for index in range(count):
        data = variant(template, index, rng)
        text = HEADER + yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)
        (out / f"{data['pair']['id']}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {count} roadmaps to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
