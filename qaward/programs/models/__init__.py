from .calendar import CalendarOverride
from .editions import Edition, EditionApproval, EditionStage
from .programs import Program, ProgramLevel, RuleDocument
from .rubrics import Rubric, RubricCategory, RubricItem, RubricTrack, ScoringBand

__all__ = [
    "CalendarOverride", "Edition", "EditionApproval", "EditionStage", "Program", "ProgramLevel",
    "Rubric", "RubricCategory", "RubricItem", "RubricTrack", "RuleDocument", "ScoringBand",
]
