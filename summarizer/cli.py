"""The command line: parses arguments and calls the library."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from summarizer._version import __version__
from summarizer.engines import ENGINES, EngineOptions
from summarizer.engines.extractive.pico_readers import DEFAULT_PICO_READER, PICO_READERS
from summarizer.errors import ConfigError, SummarizerError
from summarizer.evaluation.tasks import EVAL_TASKS
from summarizer.interrupts import Interrupts
from summarizer.output import output_suffix, write_output
from summarizer.readers import READERS
from summarizer.renderers import DEFAULT_FORMAT, RENDERERS, format_for_suffix

OUTPUT_HELP = (
    "write here instead of stdout: a file (replaced atomically; a symlink's target; a device or FIFO as it is), "
    "or DIR/ to write a file of the default name in DIR"
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _one_of(names: Sequence[str]) -> str:
    """Names as prose: "a", "a or b", "a, b or c"."""
    return names[-1] if len(names) < 2 else f"{', '.join(names[:-1])} or {names[-1]}"


_TARGET_HELP = (
    "the cited paper to brief when the input cites several (default: the most cited); full-text articles "
    "(JATS, TEI) need it: a DOI, PMID:… or PMCID:…"
)
_TARGET_TITLE_HELP = (
    "the target's title: full-text articles whose reference gives no DOI or PMID are matched by it (alone, it names "
    "the target)"
)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _add_engine_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=ENGINES.choices(), help="engine (default: from config, else extractive)")
    group.add_argument("--model", help="model name, for --engine llm")
    group.add_argument("--base-url", help="OpenAI-compatible endpoint (default: OPENAI_BASE_URL or OpenAI's)")
    group.add_argument("--concurrency", type=_positive_int, help="concurrent model calls (default 4)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the response cache")
    group.add_argument("--prompts", type=Path, metavar="DIR", help="directory of prompt templates to use instead")
    group.add_argument(
        "--safety-encoder", action="store_true",
        help="extractive engine: also ask a pre-trained sentence encoder about adverse effects (more accurate, "
        "slower; needs the encoder extra)",
    )
    group.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML, see config/default.toml)")
    group.add_argument("--quiet", action="store_true", help="no progress bar, no reader warnings on stderr")


def _format_list(text: str) -> tuple[str, ...]:
    from summarizer.registry import UnknownName

    try:
        return tuple(RENDERERS.resolve(name) for name in text.split(",") if name.strip())
    except UnknownName as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_fetch_flags(parser: argparse.ArgumentParser) -> None:
    from summarizer.fetch import SOURCES

    group = parser.add_argument_group("fetching")
    group.add_argument(
        "--source", choices=SOURCES.choices(), help="the service to fetch from (default: from config, else s2)"
    )
    group.add_argument("--refresh", action="store_true", help="ask the service again instead of the HTTP cache")


def build_parser() -> argparse.ArgumentParser:
    """The `summarizer` argument parser."""
    parser = _Parser(
        prog="summarizer",
        description="Grounded safety and efficacy briefs from the citation statements about a study.",
    )
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    brief = commands.add_parser("brief", help="make the evidence brief of a citation export")
    what = brief.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "input",
        metavar="INPUT",
        nargs="*",
        default=[],  # the default itself, not an empty list, so that --paper alone counts as given alone
        help="scite page text, scite API JSON, CSV, S2 JSON or JSON Lines; - for stdin; several are read as one set "
        "(or --paper ID)",
    )
    what.add_argument("--paper", metavar="ID", help="fetch the statements of this paper instead of reading INPUT")
    brief.add_argument("-o", "--output", metavar="PATH", help=OUTPUT_HELP)
    # choices are read from the registries when the parser is built, so an entry registered later is offered too
    output_formats = RENDERERS.names()
    input_formats = READERS.choices()
    other_formats = [name for name in output_formats if name != DEFAULT_FORMAT]
    brief.add_argument(
        "--format",
        choices=output_formats,
        help=f"{DEFAULT_FORMAT} (default, or from -o's suffix), {_one_of(other_formats)}",
    )
    brief.add_argument("--input-format", choices=input_formats, help="skip detection and read INPUT as this format")
    brief.add_argument("--target", metavar="DOI", help=_TARGET_HELP)
    brief.add_argument("--target-title", metavar="TITLE", help=_TARGET_TITLE_HELP)
    _add_engine_flags(brief)
    _add_fetch_flags(brief)
    brief.set_defaults(handler=_cmd_brief)

    fetch = commands.add_parser("fetch", help="fetch a paper's citation statements as JSON Lines (S2 or scite)")
    fetch.add_argument("paper", metavar="ID", help="a DOI (10.… or doi:10.…), PMID:…, PMCID:… or a Semantic Scholar id")
    fetch.add_argument("-o", "--output", metavar="PATH", help=OUTPUT_HELP)
    _add_fetch_flags(fetch)
    fetch.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML, see config/default.toml)")
    fetch.add_argument("--quiet", action="store_true", help="do not report what was fetched")
    fetch.set_defaults(handler=_cmd_fetch)

    batch = commands.add_parser("batch", help="brief every paper of a targets file into a directory (resumable)")
    batch.add_argument("targets", metavar="TARGETS", type=Path, help="a text file with one paper id a line")
    batch.add_argument("-o", "--output-dir", type=Path, required=True, metavar="DIR", help="where briefs go")
    batch.add_argument(
        "--format",
        type=_format_list,
        default=(),
        help=f"formats besides JSON, comma-separated: {', '.join(other_formats)}",
    )
    batch.add_argument("--jobs", type=_positive_int, help="targets at the same time (default 4)")
    batch.add_argument(
        "--changed-only", action="store_true", help="re-fetch finished targets; re-brief only those that changed"
    )
    batch.add_argument(
        "--via",
        choices=("direct", "batch-api", "batch-files"),
        default="direct",
        help="with --engine llm: batch-api sends the model work of all targets as OpenAI Batch API jobs; "
        "batch-files writes the same JSONL for `vllm run_batch` and reads its results on the next run",
    )
    _add_engine_flags(batch)
    _add_fetch_flags(batch)
    batch.set_defaults(handler=_cmd_batch)

    extract = commands.add_parser("extract", help="write the normalised statements as JSON Lines")
    extract.add_argument(
        "input", metavar="INPUT", nargs="+", help="a citation export; - for stdin; several are read as one set"
    )
    extract.add_argument("-o", "--output", metavar="PATH", help=OUTPUT_HELP)
    extract.add_argument("--input-format", choices=input_formats, help="skip detection and read INPUT as this format")
    extract.add_argument("--target", metavar="DOI", help=_TARGET_HELP)
    extract.add_argument("--target-title", metavar="TITLE", help=_TARGET_TITLE_HELP)
    extract.add_argument(
        "--references",
        action="store_true",
        help="list the references of full-text articles (ids, how often the text cites each) instead of statements",
    )
    extract.add_argument("--config", type=Path, metavar="FILE", help="settings file (input limits)")
    extract.add_argument("--quiet", action="store_true", help="no reader warnings on stderr")
    extract.set_defaults(handler=_cmd_extract)

    schema = commands.add_parser("schema", help="print the brief's JSON Schema")
    schema.add_argument("-o", "--output", metavar="PATH", help=OUTPUT_HELP)
    schema.set_defaults(handler=_cmd_schema)

    evaluate = commands.add_parser("eval", help="measure an engine on a labelled dataset")
    evaluate.add_argument(
        "dataset", metavar="DATASET", type=Path,
        help="JSON Lines with id, text, label (+ extras); for --task brief a directory with statements.jsonl and "
        "targets.jsonl",
    )
    task_help = "; ".join(f"{task.name}: {task.summary}" for task in EVAL_TASKS)
    evaluate.add_argument("--task", required=True, choices=EVAL_TASKS.choices(), help=task_help)
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    evaluate.add_argument("--limit", type=_positive_int, help="evaluate only the first N rows")
    evaluate.add_argument(
        "--pico-reader", choices=PICO_READERS.choices(), default=DEFAULT_PICO_READER,
        help="--task pico: which PICO reader; " + "; ".join(f"{r.name}: {r.summary}" for r in PICO_READERS),
    )
    _add_engine_flags(evaluate)
    evaluate.set_defaults(handler=_cmd_eval)

    log = commands.add_parser("log", help="list recent model calls from the cache")
    log.add_argument("-n", "--limit", type=_positive_int, default=20, help="how many (default 20)")
    log.add_argument("--config", type=Path, metavar="FILE", help="settings file (for the cache path)")
    log.set_defaults(handler=_cmd_log)

    serve = commands.add_parser("serve", help="serve briefs over HTTP: a page for people at / and the API at /v1")
    serve.add_argument("--host", help="interface to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8000)")
    serve.add_argument("--config", type=Path, metavar="FILE", help="settings file (engine, model, limits, token)")
    serve.set_defaults(handler=_cmd_serve)
    return parser


def _settings(args: argparse.Namespace) -> Any:
    from summarizer.settings import load_settings

    overrides: dict[str, Any] = {
        "engine": getattr(args, "engine", None),
        "extractive": {"safety_encoder": True if getattr(args, "safety_encoder", False) else None},
        "llm": {
            "model": getattr(args, "model", None),
            "base_url": getattr(args, "base_url", None),
            "concurrency": getattr(args, "concurrency", None),
        },
        "service": {"host": getattr(args, "host", None), "port": getattr(args, "port", None)},
        "batch": {"jobs": getattr(args, "jobs", None)},
    }
    if getattr(args, "no_cache", False):
        overrides["cache"] = {"enabled": False}
    return load_settings(getattr(args, "config", None), overrides=overrides)


# engine flags by their argparse dest, as an EngineSpec's `flags` names them
_ENGINE_FLAGS = {
    "model": "--model",
    "base_url": "--base-url",
    "prompts": "--prompts",
    "concurrency": "--concurrency",
    "safety_encoder": "--safety-encoder",
}


def _engine(args: argparse.Namespace, settings: Any, batch: bool = False) -> Any:
    from summarizer.engines import make_engine
    from summarizer.registry import UnknownName

    try:
        spec = ENGINES.get(settings.engine)
    except UnknownName as exc:
        raise ConfigError(str(exc)) from None
    foreign = [dest for dest in _ENGINE_FLAGS if getattr(args, dest, None) and dest not in spec.flags]
    if foreign:
        owners = sorted({s.name for s in ENGINES for dest in foreign if dest in s.flags})
        flags = " and ".join(_ENGINE_FLAGS[dest] for dest in foreign)
        owner = " or ".join(owners)
        raise ConfigError(f"{flags} {'is' if len(foreign) == 1 else 'are'} for the {owner} engine (--engine {owner})")
    if args.prompts is not None and not args.prompts.is_dir():
        raise ConfigError(f"--prompts: not a directory: {args.prompts}")
    show_progress = not args.quiet and sys.stderr.isatty() and not batch
    # The command line owns its process, so it may fork workers for large inputs; a library caller opts in. A batch
    # briefs in threads, where forking is unsafe, and shows its own progress.
    options = EngineOptions(
        prompts_dir=args.prompts,
        workers=1 if batch else os.cpu_count() or 1,
        progress=_progress_printer("model calls" if spec.name == "llm" else "reading") if show_progress else None,
    )
    return make_engine(spec.name, settings, options)


def _fetch(args: argparse.Namespace, settings: Any) -> Any:
    """Fetch the statements of args.paper, telling the user on stderr what was fetched (unless --quiet)."""
    from summarizer.fetch import fetch_statements, fetch_summary

    def tell(line: str) -> None:
        if not args.quiet:
            sys.stderr.write(f"summarizer: {line}\n")

    fetched, fetcher = fetch_statements(args.paper, args.source, settings, refresh=args.refresh, notify=tell)
    tell(fetch_summary(fetched, fetcher))
    return fetched.source


def _load(args: argparse.Namespace, settings: Any) -> Any:
    """Fetch --paper, or read the INPUTs as one statement set; the readers' warnings go to stderr unless --quiet."""
    from summarizer.readers import ReadLimits, load_statements

    if getattr(args, "paper", None) is not None:
        return _fetch(args, settings)
    limits = ReadLimits(**settings.input.model_dump())
    source = load_statements(
        args.input,
        input_format=args.input_format,
        target=args.target,
        limits=limits,
        target_title=getattr(args, "target_title", None),
    )
    if not args.quiet:
        for warning in source.warnings:
            sys.stderr.write(f"summarizer: warning: {warning}\n")
    return source


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return format_for_suffix(output_suffix(args.output)) or DEFAULT_FORMAT


def _write(args: argparse.Namespace, text: str | Iterable[str], spec: str | None, default_name: str = "output") -> None:
    write_output(args.interrupts.committed(text), spec, default_name)


def _suffix_of(output_format: str) -> str:
    suffixes = RENDERERS.get(output_format).suffixes
    return suffixes[0] if suffixes else output_format


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for one command. A brief's objects (statements, readings, the brief) are trees
    that reference counting frees, but the collector still walks all of them again each time the heap grows by a
    quarter: on 20,000 statements, seven full walks took 1 s of the command's 6. Whatever cycles the run makes are
    collected when it ends (the forked workers inherit the pause)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _cmd_brief(args: argparse.Namespace) -> int:
    from summarizer.pipeline import summarize
    from summarizer.renderers import render_chunks

    settings = _settings(args)
    with _collector_paused():
        engine = _engine(args, settings)
        # handed over, the statements are normalised once and become the brief's: a large input is held once
        brief = summarize(_load(args, settings), engine=engine, settings=settings, owned=True)
        output_format = _format_for(args)
        _write(args, render_chunks(brief, output_format), args.output, f"brief.{_suffix_of(output_format)}")
    return 0


def _references_table(args: argparse.Namespace) -> str:
    """The references of the full-text INPUTs, one a line, tab-separated, with a header."""
    from summarizer.readers import ReadLimits, list_references

    settings = _settings(args)
    rows = list_references(args.input, args.input_format, ReadLimits(**settings.input.model_dump()))
    lines = ["article\tnumber\tcitations\tids\tyear\treference"]
    for row in rows:
        ids = " ".join(row["ids"])  # type: ignore[arg-type]
        cells = [row["article"], row["number"], row["citations"], ids, row["year"] or "", row["reference"]]
        lines.append("\t".join(" ".join(str(cell).split()) for cell in cells))
    return "\n".join(lines) + "\n"


def _cmd_extract(args: argparse.Namespace) -> int:
    from summarizer.pipeline import normalise
    from summarizer.readers import write_jsonl

    if args.references:
        _write(args, _references_table(args), args.output, "references.tsv")
        return 0
    source = _load(args, _settings(args))
    normalised = source.model_copy(update={"statements": normalise(source.statements)})
    _write(args, write_jsonl(normalised), args.output, "statements.jsonl")
    return 0


def _cmd_fetch(args: argparse.Namespace) -> int:
    from summarizer.pipeline import normalise
    from summarizer.readers import write_jsonl

    source = _fetch(args, _settings(args))
    normalised = source.model_copy(update={"statements": normalise(source.statements)})
    _write(args, write_jsonl(normalised), args.output)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from summarizer.batch import VIA_DIRECT, BatchOptions, read_targets, run_batch

    settings = _settings(args)
    if args.via != VIA_DIRECT and settings.engine != "llm":
        raise ConfigError(f"--via {args.via} batches the model work: use it with --engine llm")
    engine = _engine(args, settings, batch=True)
    targets = read_targets(args.targets)
    options = BatchOptions(
        out_dir=args.output_dir,
        formats=args.format,
        source=args.source,
        refresh=args.refresh,
        changed_only=args.changed_only,
        via=args.via,
        prompts_dir=args.prompts,
    )
    bar = tqdm(total=len(targets), unit="target", disable=args.quiet or not sys.stderr.isatty(), file=sys.stderr)

    def progress(name: str, outcome: str) -> None:
        if outcome != "fetched":
            bar.update(1)
            bar.set_postfix_str(f"{outcome} {name}"[:60], refresh=False)

    def tell(line: str) -> None:
        if not args.quiet:
            bar.write(f"summarizer: {line}", file=sys.stderr)

    try:
        report = run_batch(targets, options, settings, engine, progress=progress, notify=tell)
    finally:
        bar.close()
    sys.stderr.write(
        f"summarizer: {report.total} targets: {report.briefed} briefed, {report.skipped} done earlier, "
        f"{report.unchanged} unchanged, {report.failed} failed; see {args.output_dir / 'summary.csv'}\n"
    )
    return report.exit_code


def _cmd_schema(args: argparse.Namespace) -> int:
    from summarizer.renderers import render_schema

    _write(args, render_schema(), args.output, "brief-schema.json")
    return 0


def _progress_printer(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{label}: {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _cmd_eval(args: argparse.Namespace) -> int:
    task = EVAL_TASKS.get(args.task)
    settings = _settings(args)
    engine = _engine(args, settings)
    show = not args.quiet and sys.stderr.isatty()
    progress = _progress_printer("evaluating") if show else None
    report = task.run(args.dataset, engine, args.limit, progress, {"pico_reader": args.pico_reader})
    text = json.dumps(report, indent=2) + "\n" if args.format == "json" else task.format_text(report) + "\n"
    write_output(text, None)
    return 0


def _cmd_log(args: argparse.Namespace) -> int:
    from summarizer.engines.llm.cache import format_calls, recent_calls

    settings = _settings(args)
    write_output(format_calls(recent_calls(settings, limit=args.limit)), None)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        from summarizer.service import serve
    except ImportError as exc:
        raise ConfigError(
            f"the HTTP service needs the serve extra ({exc.name} is missing): "
            "pip install 'citation-evidence-summarizer[serve]'"
        ) from None
    serve(_settings(args))
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args))
    except SummarizerError as exc:
        sys.stderr.write(f"summarizer: error: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        sys.stderr.write(f"summarizer: internal error: {type(exc).__name__}: {exc}\n")
        return 1


def interrupted(in_main_thread: bool = True) -> int:
    """A run stopped by Ctrl-C: further ones ignored (one more may land while this one is being handled, before it
    is ignored: it is taken here too), one line, exit 130."""
    while in_main_thread:
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            break
        except KeyboardInterrupt:
            continue
    sys.stderr.write("summarizer: interrupted\n")
    return 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    # Ctrl-C keeps Python's own handler during the run (asyncio.run, used by the LLM engine, fetching and batches,
    # turns it into a cancellation only when it finds that one); once it has stopped the run, further ones are
    # ignored, so that they cannot cut the clean-up or the one line short into a traceback
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT) if in_main_thread else None
    try:
        with Interrupts() as interrupts:
            args.interrupts = interrupts  # the commands' output goes through interrupts.committed
            code = _run(args)
            interrupts.raise_if_lost()
            return code
    except KeyboardInterrupt:  # from anywhere in the run, its error handling included
        return interrupted(in_main_thread)
    finally:
        if in_main_thread and (argv is None or previous is not None):
            # as the process's entry point, the run is over: a late Ctrl-C must not interrupt the exit
            signal.signal(signal.SIGINT, previous if argv is not None else signal.SIG_IGN)
