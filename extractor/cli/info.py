"""Commands that tell about the tool without running it: ``schema`` and ``version``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import command_ui, version_text
from .inputs import output_stream


def schema(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", dir_okay=False,
                                                   help="Write to FILE (atomically) instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the output records."""
    with command_ui(debug=False, quiet=True):
        from ..models import json_schema

        with output_stream(output) as out:
            out.write(json.dumps(json_schema(), indent=2).encode() + b"\n")


def version() -> None:
    """Show the versions of this package, spaCy and the model (without loading it)."""
    typer.echo(version_text())
