#!/usr/bin/env python3
"""Writes N import lines (JSON) for timing `import FILE`: real near-miss narratives from a SAFENET
CSV (see ../shared/data/safenet/SOURCE.txt), cycled, each with a reference of its own and coded
answers drawn from the questionnaire's values.

    python3 bench/library-jsonl.py ../shared/data/safenet/safenet_1999_2021_combined.csv 10000 > /tmp/lib.jsonl
"""
import csv
import json
import random
import sys

ACTIVITIES = ["traffic-stop", "foot-pursuit", "disturbance", "warrant-service", "traffic-control",
              "suspicious-person", "prisoner", "mental-illness", "vehicle-operations", "training"]
FACTORS = ["situational-awareness", "concealed-weapon", "equipment-failure", "communication", "complacency",
           "fatigue", "training", "policy-procedure", "hazardous-environment", "vehicle-traffic", "tactics"]
LIGHTING = ["daylight", "dawn-dusk", "dark-lit", "dark-unlit", "indoors-lit", "indoors-dim"]


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    csv.field_size_limit(10_000_000)
    with open(path, encoding="utf-8", errors="replace") as f:
        narratives = [r["Narrative"].strip() for r in csv.DictReader(f) if r["Narrative"].strip()]
    rng = random.Random(7)
    for i in range(count):
        print(json.dumps({
            "externalRef": f"BENCH-{i:07d}",
            "month": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
            "title": None,
            "answers": {"activity": rng.choice(ACTIVITIES), "lighting": rng.choice(LIGHTING),
                        "factors": rng.sample(FACTORS, rng.randint(1, 3))},
            "narrative": narratives[i % len(narratives)],
            "lessons": [],
        }))


if __name__ == "__main__":
    main()
