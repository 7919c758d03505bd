"""The demo conference: a realistic, invented Hong Kong MDCC written for this project."""

from __future__ import annotations

from mdcc_desktop.resources import package_file
from mdcc_desktop.services.exchange import ExchangeService, ImportResult, parse_text

DEMO_FILE = package_file("services", "demo", "hk-initial-demo.json")


def load_demo(exchange: ExchangeService) -> ImportResult:
    """Import the demo; its case reference gets a number suffix if already in the database."""
    doc = parse_text(DEMO_FILE.read_bytes())
    base = doc["case"]["reference"]
    reference, n = base, 1
    while exchange.store.case_by_reference(reference) is not None:
        n += 1
        reference = f"{base}-{n}"
    doc["case"]["reference"] = reference
    return exchange.import_document(doc)
