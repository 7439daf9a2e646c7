"""``tidings eval``: score the coder against sentence-level gold events."""

from __future__ import annotations

import json

import click

from tidings.cli._common import actors_option, common_options, handle_errors, model_option


def _table(report) -> list[str]:  # type: ignore[no-untyped-def]
    lines = [
        f"{'type':<10} {'gold':>5} {'type_rec':>9} {'triple_rec':>10} {'pred':>5} {'type_prec':>9}"
    ]
    for name, row in sorted(report.per_type.items()):
        d = row.to_dict()
        lines.append(f"{name:<10} {row.gold:>5} {d['type_recall']:>9.3f} {d['triple_recall']:>10.3f} "
                     f"{row.predicted:>5} {d['type_precision']:>9.3f}")  # fmt: skip
    return lines


@click.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--errors", is_flag=True, help="List the gold events the coder missed, with what it found."
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@actors_option
@model_option
@common_options
@handle_errors
def eval_(
    gold: str, errors: bool, as_json: bool, actor_files: tuple[str, ...], model: str | None
) -> None:
    """Score the coder against sentence-level gold events in PLOVER gold-standard JSONL (one
    record a line: text, date, events with plover type, source and target actors). Prints type
    recall, actor-triple recall and type precision (also over the events coded as asserted or
    reported only), overall and per PLOVER type.

    \b
    Example:
      tidings eval plover_gsr_dev.jsonl
      tidings eval plover_gsr_dev.jsonl --errors | less
    """
    from tidings.evaluate import evaluate, load_gold
    from tidings.pipeline import Pipeline

    records = load_gold(gold)
    report = evaluate(Pipeline(model=model, actor_files=actor_files), records)
    if as_json:
        click.echo(json.dumps(report.to_dict()))
        return
    click.echo(f"records {report.records}  gold events {report.gold}  predicted {report.predicted}")
    click.echo(f"type recall     {report.type_recall:.3f}")
    click.echo(f"triple recall   {report.triple_recall:.3f}")
    click.echo(f"type precision  {report.type_precision:.3f}")
    click.echo(f"  factual only  {report.factual_precision:.3f}  (asserted or reported events)")
    click.echo("")
    for line in _table(report):
        click.echo(line)
    if errors:
        click.echo("")
        for miss in report.misses:
            g = miss.gold
            click.echo(f"{miss.record_id}  missed {g.plover} {'/'.join(g.sources) or '-'}->"
                       f"{'/'.join(g.targets) or '-'} ({miss.kind})")  # fmt: skip
            click.echo(f"  {miss.text}")
            click.echo(f"  found: {', '.join(miss.predicted) or 'nothing'}")
