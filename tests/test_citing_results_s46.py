"""Results in citing and trial sentences that were not read or were misread (issue 23, s46-citing): a worsening course
held back ("slowed the rate of decline in X", "retards the rate at which X is lost", "slowed the loss of X"), and a
change noun made smaller by a comparative ("a slower decline in X", "a smaller reduction in X"); held_back_courses.py
read by outcomes.find_outcomes. The sentences are written for these tests."""

from __future__ import annotations

from summarizer.engines.extractive.outcomes import find_outcomes


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(m.outcome, m.change, m.direction) for m in find_outcomes(text)]


def test_a_course_held_back_keeps_what_would_be_lost() -> None:
    assert _read("In the trial, three years of ramipril retarded the rate at which lung function is lost [ 7] .") == [
        ("lung function", "unclear", "improved")]
    assert _read("Daily walking slowed the rate at which muscle strength declined in frail adults [ 7] .") == [
        ("muscle strength", "unclear", "improved")]
    assert _read("Teriparatide slowed the loss of cortical thickness in older women [ 7] .") == [
        ("cortical thickness", "unclear", "improved")]


def test_the_rate_of_a_decline_is_not_the_outcome() -> None:
    # before: "rate of decline" decreased, a name that is no measure
    assert _read("Losartan reduced the rate of decline in glomerular filtration [ 7] .") == [
        ("glomerular filtration", "unclear", "improved")]
    # before: "hearing thresholds" decreased and worsened, the opposite of what the sentence says
    assert _read("Statin therapy slowed the rate of deterioration of hearing thresholds in the older group.") == [
        ("hearing thresholds", "unclear", "improved")]


def test_a_progression_held_back_or_smaller_decreased() -> None:
    assert ("progression of retinal thinning", "decreased", "improved") in _read(
        "The supplement slowed the rate of progression of retinal thinning compared with placebo.")
    assert ("progression of carotid plaque", "decreased", "improved") in _read(
        "Patients given pravastatin showed significantly less progression of carotid plaque than controls.")


def test_a_slower_decline_is_held_back_not_a_decline() -> None:
    # before: both decreased (a worsening where known)
    assert _read("Children in the zinc group had a slower decline in grip strength and walking speed than those in "
                 "the control group (P = 0.02).") == [
        ("grip strength", "unclear", "improved"), ("walking speed", "unclear", "improved")]
    assert ("visual acuity", "unclear", "improved") in _read(
        "Eyes given the implant had less deterioration of visual acuity than sham-treated eyes.")


def test_a_smaller_change_is_the_other_way_round() -> None:
    assert ("systolic pressure", "increased") in [(o, c) for o, c, _ in _read(
        "Compared with atenolol, nebivolol produced a smaller reduction in systolic pressure.")]
    assert ("exercise capacity", "unclear", "worsened") in _read(
        "The high-dose arm showed less improvement in exercise capacity than the low-dose arm.")
    # "no less" is not smaller
    assert ("exercise capacity", "unclear", "worsened") not in _read(
        "The low-dose arm showed no less improvement in exercise capacity than the high-dose arm.")


def test_a_plain_decline_a_purpose_or_a_question_is_not_held_back() -> None:
    # a decline said plainly is still a decrease
    assert ("grip strength", "decreased") in [(o, c) for o, c, _ in _read(
        "Patients given the sedative showed a decline in grip strength after a week.")]
    # purposes and conjectures are no findings
    assert not _read("We aimed to slow the loss of cortical thickness in older women.")
    assert not _read("Teriparatide may slow the rate at which muscle strength declines.")
    # a rate that is no course's: "slowed the heart rate" names no kept measure
    assert not [o for o, _, _ in _read("Ivabradine slowed the heart rate at rest.") if o != "heart rate"]


def test_a_reported_drop_or_fall_is_a_decrease() -> None:
    assert ("serum potassium", "decreased") in [(o, c) for o, c, _ in _read(
        "In the salbutamol arm the investigators observed a marked drop in serum potassium in the first hour [ 9] .")]
    assert {("FEV1", "decreased"), ("peak flow", "decreased")} <= {(o, c) for o, c, _ in _read(
        "Inhaled mannitol induced a significant fall in FEV1 and peak flow compared with saline (P < 0.01).")}
    # listed after a verb of finding, as one of several results
    assert ("viral load", "decreased", "improved") in _read(
        "The authors observed a rise in CD4 counts, a drop in viral load after 12 weeks, and fewer admissions [ 9] .")
    # a comparative of less makes it the other way round
    assert ("diastolic pressure", "increased") in [(o, c) for o, c, _ in _read(
        "Nifedipine produced a smaller fall in diastolic pressure than amlodipine.")]


def test_a_fall_that_is_an_accident_or_not_reported_is_not_read() -> None:
    # no verb of finding or causing: a fall is an accident here
    assert not _read("Risk factors were age, a previous fracture and a fall in the past year.")
    assert not _read("Patients with a fall in the last 6 months were excluded.")
    # a purpose, and a denied drop (left unread, the module's docstring)
    assert not _read("We aimed to show a drop in serum potassium with salbutamol.")
    assert not [o for o, _, _ in _read("The trial did not show a drop in serum potassium with salbutamol.")]


def test_a_change_noun_after_its_measure_reports_the_change() -> None:
    assert ("blood pressure", "decreased") in [(o, c) for o, c, _ in _read(
        "Six weeks of the low-salt diet led to a further blood pressure reduction [ 9] .")]
    assert [(o, c, d) for o, c, d in _read(
        "Treatment with silymarin was associated with ALT, AST and GGT improvement after 12 weeks [ 9] .")] == [
        ("ALT", "unclear", "improved"), ("AST", "unclear", "improved"), ("GGT", "unclear", "improved")]
    # said of each arm alike
    assert ("knee pain", "no_difference", "no_difference") in _read(
        "Both the exercise and the brace groups showed similar knee pain reductions at 6 months.")


def test_a_compound_that_names_no_measure_is_not_read() -> None:
    # a grade or a kind of change, not a measure
    assert not _read("All patients in the open arm showed clinical improvement within a week.")
    assert not _read("Both doses resulted in marked improvements over the first month.")
    # a participle before a noun, not a verb of causing
    assert not _read("Antipsychotic-induced weight gain is common in young people.")
    # a later item with a grade of its own is a phrase of its own: no outcome, the event is read elsewhere
    assert not _read("Carbamazepine induced IgA deficiency and permanent IgE increase.")
    # an improvement that opens its own object is the verb reader's ("improvement in X"), read once
    assert [o for o, _, _ in _read("Treatment with zinc was associated with improvement in taste acuity.")] == [
        "taste acuity"]


def test_a_change_that_seems_or_appears_is_a_finding_not_a_purpose() -> None:
    assert ("nocturnal enuresis", "decreased") in [(o, c) for o, c, _ in _read(
        "In the open trial, desmopressin appeared to reduce nocturnal enuresis in older children [ 5] .")]
    assert ("seizure frequency", "no_difference", "no_difference") in _read(
        "Adding melatonin did not appear to reduce seizure frequency in the treated children.")
    # a purpose and a modal are still no finding
    assert not _read("The trial was designed to reduce seizure frequency in children.")
    assert not _read("Melatonin may appear to reduce seizure frequency in some children.")


def test_a_time_is_not_what_was_measured() -> None:
    # before: "first month" decreased
    assert _read("Orlistat did not lead to a weight reduction in the first month.") == [
        ("weight", "no_difference", "no_difference")]
    assert not _read("There was a decrease in the following weeks.")
    # a measure with a time in its name is still a measure
    assert ("first-year mortality", "decreased", "improved") in _read("Early surgery reduced first-year mortality.")
