"""The offline extractive engine: rules and small linear models, no network, deterministic."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.pool
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from summarizer.engines.base import EngineResult, Reading, ReadRequest
from summarizer.engines.extractive.learned_results import LearnedResults
from summarizer.engines.extractive.pico import load_pico_tagger
from summarizer.engines.extractive.reading import ANNOTATOR_VERSION, SentenceReading, annotate, shown_stance
from summarizer.engines.extractive.resources import EncoderMix, Resources
from summarizer.engines.extractive.sections import (
    ReadStatement,
    contrasting_findings,
    efficacy_section,
    safety_section,
)
from summarizer.engines.extractive.startup import startup_resources
from summarizer.engines.extractive.target_profile import (
    RULES,
    TreatmentTallies,
    VerdictRules,
    given_treatments,
    profile_target,
)
from summarizer.errors import WorkerLostError
from summarizer.models import Annotation, Intervention, Statement, StatementType, Target

PARALLEL_MIN_STATEMENTS = 4000
CHUNK_STATEMENTS = 250
# the last round of chunks is cut this much finer (_chunks)
TAIL_PIECES = 4
# how often the parent, waiting for a chunk, checks that the workers are still there
WORKER_CHECK_SECONDS = 1.0

_AnnotationJob = tuple[str, bool]  # text, read its stance?
_worker_resources: list[Resources] = []


class SentenceEncoder(Protocol):
    """What the engine needs of a sentence encoder (encoder.SafetyEncoder is one)."""

    mix: EncoderMix
    name: str

    def probabilities(self, texts: Sequence[str]) -> list[float]: ...


def _init_worker(resources: Resources) -> None:
    # Runs in a forked child: the resources arrive by fork, not by pickling. Ctrl-C reaches every process of the
    # terminal's group: the parent alone handles it, and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _worker_resources.append(resources)


def _annotate_jobs(jobs: Sequence[_AnnotationJob], resources: Resources | None = None) -> list[SentenceReading]:
    res = resources if resources is not None else _worker_resources[0]
    return [annotate(text, resources_=res, read_stance=read_stance) for text, read_stance in jobs]


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back (it stays pending) while workers are forked, so that none is hit before it ignores it."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextlib.contextmanager
def _gc_frozen() -> Iterator[None]:
    """Fork with the parent's objects out of the collector's sight: a worker's collections would otherwise touch,
    and so copy, every page of the parent's heap (the statements of a large input among them)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _stop(pool: multiprocessing.pool.Pool) -> None:
    """Kill the workers and reap them; a second Ctrl-C meanwhile waits, so that none is left behind."""
    with _sigint_held():
        if not pool._result_handler.is_alive():  # type: ignore[attr-defined]
            # its pending results will never come, and terminate() refuses to run while some are awaited
            pool._cache.clear()  # type: ignore[attr-defined]
        pool.terminate()
        pool.join()


def _readings_of(
    pool: multiprocessing.pool.Pool, results: multiprocessing.pool.IMapIterator, chunks: int
) -> Iterator[list[SentenceReading]]:
    """The pool's readings of its chunks (`results`, of its imap; `chunks`, how many), in order. multiprocessing.Pool
    waits for ever when a worker dies (the system kills it, for lack of memory) or when a worker's answer cannot be
    unpickled: it replaces the worker and loses its chunk, or its result thread stops. So, while waiting, check
    every WORKER_CHECK_SECONDS that the workers are the ones started (a replaced one died) and that the result
    thread runs, and fail with one line otherwise."""
    # Pool keeps its processes and its result thread in private attributes; without them a lost worker is silent
    workers = {process.pid for process in pool._pool}  # type: ignore[attr-defined]
    for _ in range(chunks):
        while True:
            try:
                yield results.next(timeout=WORKER_CHECK_SECONDS)
                break
            except multiprocessing.TimeoutError:
                if {process.pid for process in pool._pool} != workers:  # type: ignore[attr-defined]
                    raise WorkerLostError(
                        "a worker process of the extractive engine stopped without an answer (killed by the "
                        "system, often for lack of memory)"
                    ) from None
                if not pool._result_handler.is_alive():  # type: ignore[attr-defined]
                    raise WorkerLostError(
                        "the answer of a worker process of the extractive engine could not be read back"
                    ) from None


def _chunks(jobs: list[_AnnotationJob], workers: int) -> list[list[_AnnotationJob]]:
    """The jobs in chunks for the workers, in order. Small chunks, taken in turn: the workers finish within one
    chunk's time of each other (with chunks of a quarter of each one's share, one of them could wait that long for
    the other at the end); the last round of chunks (a chunk for each worker) is cut in TAIL_PIECES, so that the
    one that finishes first waits for the others a fraction of a chunk's time."""
    size = max(1, min(-(-len(jobs) // (workers * 4)), CHUNK_STATEMENTS))
    body = max(0, len(jobs) - size * workers) // size * size
    tail_size = -(-size // TAIL_PIECES)
    return [jobs[i : i + size] for i in range(0, body, size)] + [
        jobs[i : i + tail_size] for i in range(body, len(jobs), tail_size)
    ]


def _annotate_in_processes(
    jobs: list[_AnnotationJob],
    resources: Resources,
    workers: int,
    take: Callable[[list[SentenceReading]], None],
    beside: Callable[[], None] = lambda: None,
) -> None:
    """Annotate the jobs in forked workers and hand their readings to `take` in order, a chunk at a time, as they
    come: the parent works on each chunk while the workers read the next ones. `beside` runs in the parent once
    the workers have started, before the first chunk is taken."""
    chunks = _chunks(jobs, workers)
    context = multiprocessing.get_context("fork")
    pool = None
    try:
        with _sigint_held(), _gc_frozen():
            pool = context.Pool(workers, initializer=_init_worker, initargs=(resources,))
        results = pool.imap(_annotate_jobs, chunks)  # the workers start on the chunks now
        beside()
        for part in _readings_of(pool, results, len(chunks)):
            take(part)
    except BaseException:  # Ctrl-C, or a worker's error: no worker may outlive the run
        if pool is not None:
            _stop(pool)
        raise
    pool.close()
    pool.join()


def _annotation(reading: SentenceReading, annotated_by: str) -> Annotation:
    # validated, the public way: pydantic-core's validator builds it faster than model_construct's Python (0.02 s on
    # 20,000 statements); the fields set are the ones given, and the event lists are given only when they hold
    # something: pydantic keeps that set in each instance, and a set of five names takes 728 bytes where one of
    # three takes 216
    if reading.adverse_events or reading.absent_events:
        events: dict[str, list[str]] = {}
        if reading.adverse_events:
            events["adverse_events"] = list(reading.adverse_events)
        if reading.absent_events:
            events["absent_events"] = list(reading.absent_events)
        return Annotation(
            topics=list(reading.topics), polarity=reading.polarity, annotated_by=annotated_by, **events
        )
    return Annotation(topics=list(reading.topics), polarity=reading.polarity, annotated_by=annotated_by)


class _ReadingState:
    """The target of a run, once it is known, and the treatments tallied as the readings come (while the workers
    read on). A title, which may name the intervention itself, and the encoder, which re-reads, leave the tally to
    profile_target."""

    __slots__ = ("_target", "final_readings", "tallies")

    def __init__(self, final_readings: bool) -> None:
        self.final_readings = final_readings
        self._target: Target | None = None
        self.tallies: TreatmentTallies | None = None

    def start(self, target: Target) -> None:
        self._target = target
        self.tallies = TreatmentTallies() if self.final_readings and not target.title else None

    @property
    def target(self) -> Target:
        if self._target is None:
            raise RuntimeError("the run's target is asked for before it was given")
        return self._target


class ExtractiveEngine:
    """Rules and small linear models over each statement; sections drawn from counts and quotes."""

    name = "extractive"

    def __init__(
        self,
        workers: int = 1,
        resources: Resources | None = None,
        encoder: SentenceEncoder | None = None,
        rules: VerdictRules = RULES,
        pico_reader: bool = True,
        learned_results: bool = True,
    ) -> None:
        self.workers = max(1, workers)
        # the change model reads the results the outcome rules leave without a direction (learned_results.py)
        self.learned_results = learned_results
        # the PICO reader names an intervention the word lists do not know (target_profile.py)
        self.pico_reader = pico_reader
        self.rules = rules
        self.encoder = encoder
        suffix = f"+{encoder.name}" if encoder is not None else ""
        self.version = ANNOTATOR_VERSION + suffix
        self.annotated_by = f"extractive-{ANNOTATOR_VERSION}{suffix}"
        resources = resources if resources is not None else startup_resources()
        if encoder is not None:
            resources = resources.with_encoder_mix(encoder.mix)
        self._resources = resources

    def _learned_results(self) -> LearnedResults | None:
        model = self._resources.efficacy
        if not self.learned_results or model is None:
            return None
        return LearnedResults(model, load_pico_tagger if self.pico_reader else None, self._resources.polarity)

    def _with_encoder(
        self, readings: list[SentenceReading], texts: Sequence[str], reread: Callable[[int, float], SentenceReading]
    ) -> None:
        """Re-read, with the encoder's probability, the statements that could report an adverse effect."""
        if self.encoder is None:
            return
        candidates = [i for i, reading in enumerate(readings) if reading.ade_candidate]
        if not candidates:
            return
        probabilities = self.encoder.probabilities([texts[i] for i in candidates])
        for i, probability in zip(candidates, probabilities, strict=True):
            readings[i] = reread(i, probability)

    def read(self, requests: Sequence[ReadRequest]) -> list[Reading]:
        """Read sentences one by one, as `run` annotates statements."""

        def read_one(i: int, probability: float | None = None) -> SentenceReading:
            request = requests[i]
            return annotate(
                request.text,
                outcome=request.outcome,
                intervention=request.intervention,
                comparator=request.comparator,
                resources_=self._resources,
                encoder_probability=probability,
            )

        sentence_readings = [read_one(i) for i in range(len(requests))]
        self._with_encoder(sentence_readings, [request.text for request in requests], read_one)
        readings = []
        for request, reading in zip(requests, sentence_readings, strict=True):
            readings.append(
                Reading(
                    id=request.id,
                    annotation=_annotation(reading, self.annotated_by),
                    stance=reading.stance,
                    change=reading.change,
                )
            )
        return readings

    def run(self, target: Target, statements: Sequence[Statement]) -> EngineResult:
        """Annotate every statement, infer missing types, and draw the safety, efficacy and contrasting sections."""
        return self.run_reading_first(statements, lambda: target)

    def run_reading_first(self, statements: Sequence[Statement], target_of: Callable[[], Target]) -> EngineResult:
        """As `run`, with the target got from `target_of` once the statements are being read: where workers read
        them, in the parent beside them (the pipeline reads the target's design from the statements meanwhile)."""
        jobs = [(s.text, s.type == "unclassified") for s in statements]
        texts = [s.text for s in statements]
        parallel = (
            self.workers > 1
            and len(jobs) >= PARALLEL_MIN_STATEMENTS
            and "fork" in multiprocessing.get_all_start_methods()
        )
        readings: list[SentenceReading] = []
        # without an encoder, which re-reads some of them, the readings are final as they come
        annotations: list[Annotation] | None = [] if self.encoder is None else None
        state = _ReadingState(annotations is not None)

        def take(part: list[SentenceReading]) -> None:
            readings.extend(part)
            if annotations is not None:
                annotations.extend([_annotation(reading, self.annotated_by) for reading in part])
            if state.tallies is not None:
                done = len(readings)
                state.tallies.add(given_treatments(part, state.target.design, texts[done - len(part) : done]))

        if parallel:
            _annotate_in_processes(jobs, self._resources, self.workers, take, lambda: state.start(target_of()))
        else:
            state.start(target_of())
            take(_annotate_jobs(jobs, self._resources))
        target = state.target

        def reread(i: int, probability: float) -> SentenceReading:
            text, read_stance = jobs[i]
            return annotate(text, resources_=self._resources, read_stance=read_stance, encoder_probability=probability)

        self._with_encoder(readings, [text for text, _ in jobs], reread)
        items = [ReadStatement(s, r) for s, r in zip(statements, readings, strict=True)]
        inferred: dict[str, StatementType] = {
            i.statement.id: shown_stance(i.reading, self._resources.contrasting_min_probability)
            for i in items
            if i.statement.type == "unclassified"
        }
        types = {i.statement.id: inferred.get(i.statement.id, i.statement.type) for i in items}
        profile = profile_target(
            target,
            readings,
            self._resources,
            self.rules,
            state.tallies,
            texts=texts,
            pico=load_pico_tagger if self.pico_reader else None,
        )
        intervention = None
        if profile.name is not None:
            intervention = Intervention(
                name=profile.name, statement_ids=[items[i].statement.id for i in profile.statements]
            )
        return EngineResult(
            annotations=(
                annotations if annotations is not None else [_annotation(i.reading, self.annotated_by) for i in items]
            ),
            intervention=intervention,
            inferred_types=inferred,
            safety=safety_section(items, profile, self.rules),
            efficacy=efficacy_section(items, profile, self.rules, self._learned_results()),
            contrasting=contrasting_findings(items, types),
        )
