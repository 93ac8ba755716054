"""Dot voting on screen: setting up a round, private ballots, tallies, results, the side panel."""

from .ballot import BallotScreen
from .dock import TallyScreen, VotingDock, create_panel
from .panel import VotingPanel
from .results import ResultsView, RoomResultsView, RoomVotingProgress, RoomVotingView
from .round_setup import RoundSettings, RoundSetupDialog
from .tally import TallyPanel

__all__ = [
    "BallotScreen", "ResultsView", "RoomResultsView", "RoomVotingProgress", "RoomVotingView", "RoundSettings",
    "RoundSetupDialog", "TallyPanel", "TallyScreen", "VotingDock", "VotingPanel", "create_panel",
]
