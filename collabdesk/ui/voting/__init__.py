"""Dot voting on screen: setting up a round, private ballots, tallies, results, the side panel."""

from .ballot import BallotScreen
from .dock import TallyScreen, VotingDock, create_panel
from .panel import VotingPanel
from .results import ResultsView, RoomResultsView, RoomVotingProgress, RoomVotingView
from .round_setup import RoundSettings, RoundSetupDialog
from .steps import CloseRoundCommand, RecordHandsCommand, RevealCommand, SetTallyCommand
from .tally import TallyPanel

__all__ = [
    "BallotScreen", "CloseRoundCommand", "RecordHandsCommand", "RevealCommand", "ResultsView", "RoomResultsView",
    "RoomVotingProgress", "RoomVotingView", "RoundSettings", "RoundSetupDialog", "SetTallyCommand", "TallyPanel",
    "TallyScreen", "VotingDock", "VotingPanel", "create_panel",
]
