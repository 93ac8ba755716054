"""What the reports say about a workshop's health checks, before any format draws it.

Only revealed checks appear with numbers: a check never revealed is counted as held and
nothing else (the room never saw its ratings). Comments carry their author only in a
named check of a report that is not anonymised.
"""

from dataclasses import dataclass

from ..domain import health
from ..domain.health import DomainResult
from ..domain.model import Domain, Framework, WorkshopContent


@dataclass(frozen=True)
class DomainHealth:
    domain: Domain
    result: DomainResult
    labels: tuple[str, ...]  # what points 1..5 mean for this domain
    sentence: str
    comments: tuple[tuple[str, str], ...]  # (text, author or "")


@dataclass(frozen=True)
class HealthCheckLine:
    title: str
    how: str  # "Private ballots, anonymous" ...
    raters: str  # "8 of 9 ballots confirmed" or "Hands counted by the facilitator"
    domains: tuple[DomainHealth, ...]


@dataclass(frozen=True)
class HealthSummary:
    checks: tuple[HealthCheckLine, ...]  # revealed checks only, in the order they were started
    held_back: int  # checks held and never revealed

    @property
    def unrevealed_line(self) -> str:
        if not self.held_back:
            return ""
        held = "A health check was" if self.held_back == 1 else f"{self.held_back} health checks were"
        return f"{held} held and not revealed; no ratings from {'it' if self.held_back == 1 else 'them'} appear here."


def build_health(content: WorkshopContent, framework: Framework, *, anonymise: bool = False) -> HealthSummary:
    checks = []
    for round_ in content.health_rounds:
        if not round_.revealed:
            continue
        ratings = [r for r in content.ratings if r.round_id == round_.id]
        tallies = [t for t in content.tallies if t.round_id == round_.id]
        named = not round_.anonymous and not anonymise
        comments = health.comments_of(round_, ratings, {p.id: p.name for p in content.participants} if named else {})
        lines = []
        for result in health.results(round_, ratings, tallies):
            domain = framework.domain(result.domain_key)
            labels = health.labels_of(domain)
            lines.append(DomainHealth(
                domain=domain, result=result, labels=labels, sentence=health.sentence(result, domain.name, labels),
                comments=tuple((c.text, c.author) for c in comments if c.domain_key == result.domain_key)))
        checks.append(HealthCheckLine(title=round_.title, how=_how(round_), raters=_raters(content, round_),
                                      domains=tuple(lines)))
    return HealthSummary(tuple(checks), held_back=sum(1 for r in content.health_rounds if not r.revealed))


def _how(round_) -> str:
    if round_.mode == "tally":
        return "Show of hands, counted by the facilitator"
    return "Private ballots, " + ("anonymous" if round_.anonymous else "named")


def _raters(content: WorkshopContent, round_) -> str:
    if round_.mode == "tally":
        return "Hands counted by the facilitator"
    ballots = [b for b in content.health_ballots if b.round_id == round_.id]
    confirmed = sum(1 for b in ballots if b.status == "confirmed")
    return f"{confirmed} of {len(ballots)} ballots confirmed"
