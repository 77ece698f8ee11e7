"""The working-day calendar a plan is scheduled on: Monday to Friday, minus holidays."""

from __future__ import annotations

import bisect
import calendar as calendar_module
import datetime as dt
from collections.abc import Iterable


class WorkCalendar:
    """Working days (Monday to Friday, minus holidays) from a start date, numbered from 0."""

    def __init__(self, start: dt.date, holidays: Iterable[dt.date] = ()) -> None:
        self.holidays = frozenset(holidays)
        self.days: list[dt.date] = []
        self._next = start

    def _extend_to(self, day: dt.date) -> None:
        while not self.days or self.days[-1] < day:
            candidate = self._next
            self._next += dt.timedelta(days=1)
            if candidate.weekday() < 5 and candidate not in self.holidays:
                self.days.append(candidate)

    def date(self, index: int) -> dt.date:
        """The date of working day ``index``."""
        while len(self.days) <= index:
            self._extend_to(self._next)
        return self.days[index]

    def index_on_or_after(self, day: dt.date) -> int:
        """Index of the first working day on or after ``day`` (0 if before the start)."""
        self._extend_to(day)
        return bisect.bisect_left(self.days, day)

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days after ``first`` up to and including ``last`` (0 if not later)."""
        if last <= first:
            return 0
        self._extend_to(last)
        return bisect.bisect_right(self.days, last) - bisect.bisect_right(self.days, first)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day of month clamped (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar_module.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
