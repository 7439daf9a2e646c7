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
@click.option(
    "--split",
    type=click.Choice(["tune", "check"]),
    default=None,
    help="Score one fixed half of the gold file (by a hash of each record id): read errors on "
    "'tune' only; 'check' is a figure to report.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@actors_option
@model_option
@common_options
@handle_errors
def eval_(
    gold: str,
    errors: bool,
    split: str | None,
    as_json: bool,
    actor_files: tuple[str, ...],
    model: str | None,
) -> None:
    """Score the coder against sentence-level gold events. GOLD is JSON Lines, one record a
    line with text, optional date and events, in either of two shapes: PLOVER gold-standard
    records (each event with a plover type and source/target actors as codes) or sentences with
    spans (each event with plover, source_text and target_text, as in plv_dev.jsonl).

    Prints type recall, triple recall (codes: type, source and target countries; spans: type
    and a source sharing a content word with the gold source span) and type precision (also
    over the events coded as asserted or reported only), overall and per PLOVER type. Older
    type names count as their successors (YIELD = CONCEDE or RETREAT).

    \b
    Example:
      tidings eval plover_gsr_dev.jsonl
      tidings eval plv_dev.jsonl --split tune --errors | less
      tidings eval plv_dev.jsonl --split check
    """
    from tidings.evaluate import evaluate, load_gold, select_split
    from tidings.pipeline import Pipeline

    records = select_split(load_gold(gold), split)
    report = evaluate(Pipeline(model=model, actor_files=actor_files), records)
    report.split = split
    if as_json:
        click.echo(json.dumps(report.to_dict()))
        return
    half = f"  split {split}" if split else ""
    click.echo(f"records {report.records}  gold events {report.gold}  predicted {report.predicted}"
               f"{half}")  # fmt: skip
    click.echo(f"type recall     {report.type_recall:.3f}")
    if report.by_span:
        click.echo(f"type+source     {report.triple_recall:.3f}")
    else:
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
            if g.by_span:
                who = f"[{g.source_text}]->[{g.target_text or '-'}]"
            else:
                who = f"{'/'.join(g.sources) or '-'}->{'/'.join(g.targets) or '-'}"
            click.echo(f"{miss.record_id}  missed {g.plover} {who} ({miss.kind})")
            click.echo(f"  {miss.text}")
            click.echo(f"  found: {', '.join(miss.predicted) or 'nothing'}")
