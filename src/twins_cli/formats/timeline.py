"""Proposal timelines as a Gantt chart: text for a terminal (coloured or not), Mermaid for Markdown.

A roadmap gives each planned timeline to the month (start and end month, both
included), so the chart's unit is the month, two columns wide, which leaves
room to mark a day in its first or second half. One ``Chart`` is computed and
drawn as lines of text (``chart_lines``), which the plain and the coloured chart
both print, and as Mermaid, so the terminal and the Markdown always agree.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby

from twins_cli.base.dates import days_in_month
from twins_cli.base.i18n import N_, _
from twins_cli.base.text import display_width, printable
from twins_cli.base.tuples import NamedTuple
from twins_cli.model.records import Catalog, Proposal, Roadmap
from twins_cli.query.find import selected_roadmaps
from twins_cli.query.proposals import timeline_text

MONTH_COLUMNS = 2
AXIS_REACH = 12  # months: a day this close to the timelines widens the axis to show it
MAX_WIDTH = 120  # columns the bars may take: a long span is drawn at a coarser scale, never wider
BAR = "█"
TODAY = "|"
TICK, LABELLED = "·", "|"  # the second axis line of a scale coarser than months
_MONTH_LETTERS = "JFMAMJJASOND"
_MERMAID_ESCAPES = {ord(char): f"#{ord(char)};" for char in "#:;"}  # one pass: codes are not escaped again
NOTHING_DATED = N_("No proposal in these roadmaps has a timeline.")  # translated where shown


def _month(day: date) -> int:
    """Months since year 0: consecutive months are consecutive numbers."""
    return day.year * 12 + day.month - 1


def _has_timeline(proposal: Proposal) -> bool:
    return proposal.start is not None and proposal.end is not None


@dataclass(frozen=True)
class Lane:
    """One city pair's proposals that have a planned timeline, in roadmap order."""

    roadmap: Roadmap
    bars: tuple[Proposal, ...]


class Scale(NamedTuple):
    """How much time a cell of the axis stands for, and how many columns it takes."""

    months: int
    columns: int
    name: str  # what a cell is, for the legend

    def cell(self, month: int) -> int:
        """The cell a month (see ``_month``) falls in; cells start at whole quarters, years, decades…"""
        return month // self.months


# From the finest to the coarsest: the first whose cells fit the width is drawn. The coarsest fits
# any span a date can have (years 1 to 9999) in a dozen columns, so no span makes a chart wider.
SCALES = (
    Scale(1, MONTH_COLUMNS, N_("a month")),
    Scale(1, 1, N_("a month")),
    *(
        Scale(months, 1, name)
        for months, name in (
            (3, N_("a quarter")),
            (6, N_("half a year")),
            (12, N_("a year")),
            (24, N_("2 years")),
            (60, N_("5 years")),
            (120, N_("10 years")),
            (240, N_("20 years")),
            (600, N_("50 years")),
            (1200, N_("100 years")),
            (2400, N_("200 years")),
            (6000, N_("500 years")),
            (12000, N_("1000 years")),
        )
    ),
)
_LABEL_YEARS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)  # years between axis labels


def fitting_scale(first: int, last: int, width: int) -> Scale:
    """The finest scale that draws the months ``first`` to ``last`` in at most ``width`` columns."""
    for scale in SCALES:
        if (scale.cell(last) - scale.cell(first) + 1) * scale.columns <= width:
            return scale
    return SCALES[-1]


@dataclass(frozen=True)
class Chart:
    """What a timeline chart shows: the lanes, the proposals without a timeline, the day marked, the axis."""

    lanes: tuple[Lane, ...]
    undated: tuple[Proposal, ...]
    today: date
    first: int  # the axis's first and last month (see _month); first > last when nothing is dated
    last: int
    max_width: int = MAX_WIDTH  # columns the bars may take

    def within(self, width: int) -> "Chart":
        """The same chart, its bars drawn in at most ``width`` columns."""
        return replace(self, max_width=width)

    @property
    def scale(self) -> Scale:
        """The scale the axis is drawn at: months, two columns each, unless the span is too long for that."""
        return fitting_scale(self.first, self.last, self.max_width)

    @property
    def _cells(self) -> range:
        if self.first > self.last:
            return range(0)
        return range(self.scale.cell(self.first), self.scale.cell(self.last) + 1)

    @property
    def marker(self) -> int | None:
        """The column of ``today`` on the axis (first or second half of its month), or None off the axis."""
        month = _month(self.today)
        if not self.first <= month <= self.last:
            return None
        scale = self.scale
        column = (scale.cell(month) - self._cells.start) * scale.columns
        if scale.columns == 1:
            return column
        return column + (0 if self.today.day <= days_in_month(self.today.year, self.today.month) // 2 else 1)

    @property
    def width(self) -> int:
        """Columns the bars take."""
        return len(self._cells) * self.scale.columns

    def bar(self, proposal: Proposal | None) -> str:
        """A row of the chart: the proposal's cells as a bar (none for a heading row), today as ``|``."""
        cells = [" "] * self.width
        if proposal is not None and proposal.start and proposal.end:
            scale, origin = self.scale, self._cells.start
            start = scale.cell(_month(proposal.start.first_day)) - origin
            end = scale.cell(_month(proposal.end.last_day)) - origin
            cells[start * scale.columns : (end + 1) * scale.columns] = BAR * ((end - start + 1) * scale.columns)
        if self.marker is not None:
            cells[self.marker] = TODAY
        return "".join(cells)

    def axis(self) -> tuple[str, str]:
        """The two header lines over the bars: the years, and each month's initial (or a tick per cell)."""
        if self.scale.months > 1:
            return self._coarse_axis()
        columns = self.scale.columns
        years = [" "] * self.width
        letters = []
        for month in range(self.first, self.last + 1):
            year, index = divmod(month, 12)
            column = (month - self.first) * columns
            # A year is written at its January, and at the axis's start if there is room before the next January.
            next_january = month + 12 - index
            if index == 0 or (month == self.first and ((12 - index) * columns > 4 or next_january > self.last)):
                years[column : column + 4] = f"{year:04d}"
            letters.append(_MONTH_LETTERS[index] + " " * (columns - 1))
        return "".join(years), "".join(letters)

    def _coarse_axis(self) -> tuple[str, str]:
        """Years at round intervals over cells of a quarter or more; ``|`` under each year written, ``·`` elsewhere."""
        scale = self.scale
        every = next(years for years in _LABEL_YEARS if years * 12 // scale.months * scale.columns > 4)
        labels = [" "] * self.width
        ticks = []
        for column, cell in enumerate(self._cells):
            first_month = cell * scale.months
            year = first_month // 12
            # A round year, whole within the axis (a year cut short would read as another year).
            labelled = first_month % 12 == 0 and year % every == 0 and year > 0 and column + 4 <= self.width
            if labelled:
                labels[column : column + 4] = f"{year:04d}"
            ticks.append(LABELLED if labelled else TICK)
        return "".join(labels), "".join(ticks)

    def legend(self, mark: str = TODAY) -> str:
        """What the marks mean (``mark`` is how today is drawn), and where today lies when it is off the axis."""
        day = self.today.isoformat()
        today = _("{mark} today, {date}").format(mark=mark, date=day)
        if self.marker is None:
            before = _month(self.today) < self.first
            today = (
                _("today, {date}, is before the months shown")
                if before
                else _("today, {date}, is after the months shown")
            ).format(date=day)
        scale = self.scale
        if scale == SCALES[0]:
            return f"{BAR * MONTH_COLUMNS} " + _("planned timeline, start month to end month") + f"   {today}"
        planned = _("planned timeline, start month to end month (a column is {scale})").format(scale=_(scale.name))
        return f"{BAR} {planned}   {today}"


def build_chart(catalog: Catalog, pairs: Sequence[str], today: date) -> Chart:
    """The chart of the proposals of ``pairs`` (all pairs when empty), with ``today`` marked."""
    roadmaps = selected_roadmaps(catalog, pairs)
    lanes = tuple(
        Lane(roadmap, tuple(p for p in roadmap.proposals if _has_timeline(p)))
        for roadmap in roadmaps
        if any(_has_timeline(p) for p in roadmap.proposals)
    )
    undated = tuple(p for roadmap in roadmaps for p in roadmap.proposals if not _has_timeline(p))
    dated = [p for lane in lanes for p in lane.bars]
    if not dated:
        return Chart(lanes, undated, today, 1, 0)
    first = min(_month(p.start.first_day) for p in dated if p.start)
    last = max(_month(p.end.last_day) for p in dated if p.end)
    month = _month(today)
    if first - AXIS_REACH <= month < first:
        first = month
    elif last < month <= last + AXIS_REACH:
        last = month
    return Chart(lanes, undated, today, first, last)


def _title(proposal: Proposal) -> str:
    return printable(" ".join(proposal.title.split()))


def _undated_lines(chart: Chart, qualified: bool) -> list[str]:
    idents = [p.qualified_id if qualified else p.id for p in chart.undated]
    width = max(len(ident) for ident in idents)
    return [
        f"  {ident:<{width}}  {_title(p)}" + (f" ({timeline_text(p)})" if p.start or p.end else "")
        for ident, p in zip(idents, chart.undated, strict=True)
    ]


def _several_pairs(chart: Chart) -> bool:
    return len({p.pair for lane in chart.lanes for p in lane.bars} | {p.pair for p in chart.undated}) > 1


def _heading(lane: Lane) -> str:
    return printable(f"{lane.roadmap.name} ({lane.roadmap.id})")


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


Segment = tuple[str, str]  # a piece of a line, and its Rich style ("" for none)
TITLE_ROOM = 10  # columns a title keeps on a narrow terminal before the bars are drawn at a coarser scale
_GAPS = 6  # the two spaces between the chart's four columns
_STYLES = {BAR: "cyan", TODAY: "bold red"}


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, ending in ``…`` when cut."""
    if display_width(text) <= width:
        return text
    while text and display_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _bar(line: str) -> list[Segment]:
    return [(char * len(list(run)), _STYLES.get(char, "")) for char, run in groupby(line)]


def chart_lines(chart: Chart, width: int | None = None) -> list[list[Segment]]:
    """The chart as lines of styled pieces: what the plain and the coloured chart both print.

    With a ``width`` (a terminal's, or ``$COLUMNS``) the bars are drawn at the finest scale that
    fits beside the text, and titles too long are cut with ``…``: ids, bars and dates stay whole.
    Without one (piped), nothing is cut. Colour is the styles only: the text is the same.
    """
    out: list[list[Segment]] = []
    if chart.lanes:
        dated = [p for lane in chart.lanes for p in lane.bars]
        ident, title = _("ID"), _("Title")
        id_width = max(display_width(ident), *(len(p.id) for p in dated))
        dates_width = max(display_width(timeline_text(p)) for p in dated)
        if width is not None:
            chart = chart.within(min(MAX_WIDTH, max(width - TITLE_ROOM - _GAPS - id_width - dates_width, 12)))
        title_width = max(
            *(display_width(_title(p)) for p in dated),
            *(display_width(_heading(lane)) for lane in chart.lanes),
            display_width(title),
        )
        if width is not None:
            title_width = min(title_width, max(width - _GAPS - id_width - chart.width - dates_width, TITLE_ROOM))
        years, letters = chart.axis()
        header = "bold cyan"
        out.append([(" " * (id_width + title_width + 4) + years.rstrip(), header)])
        out.append([(f"{_pad(ident, id_width)}  {_pad(title, title_width)}  {letters}  {_('Timeline')}", header)])
        for lane in chart.lanes:
            heading = _pad(_cut(_heading(lane), title_width), title_width)
            row = [(" " * id_width + "  ", ""), (heading, "bold"), ("  ", ""), *_bar(chart.bar(None))]
            out.append(_trimmed(row))
            for p in lane.bars:
                title = _pad(_cut(_title(p), title_width), title_width)
                cells = f"{_pad(p.id, id_width)}  {title}  "
                out.append([(cells, ""), *_bar(chart.bar(p)), (f"  {timeline_text(p)}", "")])
        legend = chart.legend()
        if width is not None and display_width(legend) > width:
            from twins_cli.formats.table import wrap_words

            out += [[(line, "dim")] for line in wrap_words(legend, width)]
        else:
            out.append([(legend, "dim")])
    else:
        out.append([(_(NOTHING_DATED), "")])
    if chart.undated:
        out += [[("", "")], [(_("No timeline given:"), "")]]
        out += [[(line, "")] for line in _undated_lines(chart, _several_pairs(chart))]
    return out


def _trimmed(line: list[Segment]) -> list[Segment]:
    """``line`` without the blanks at its end."""
    while line and not line[-1][0].strip():
        line = line[:-1]
    if line:
        text, style = line[-1]
        line = [*line[:-1], (text.rstrip(), style)]
    return line


def plain_chart(chart: Chart, width: int | None = None) -> str:
    """The chart as plain text: one line per proposal under a line per pair (``chart_lines``'s text)."""
    return "\n".join("".join(text for text, _style in line) for line in chart_lines(chart, width)) + "\n"


def print_rich_chart(chart: Chart, width: int | None = None) -> None:
    """The plain chart's very lines, in colour: the header bold, bars in cyan, today's line in red."""
    from rich.text import Text

    from twins_cli.formats.table import rich_console

    console = rich_console()
    for line in chart_lines(chart, width):
        text = Text()
        for piece, style in line:
            text.append(piece, style=style)
        console.print(text, soft_wrap=True)


def _mermaid_text(text: str) -> str:
    """Text for a Mermaid line: one line, with ``#``, ``:`` and ``;`` (Mermaid syntax) as entity codes."""
    return " ".join(text.split()).translate(_MERMAID_ESCAPES)


def mermaid_gantt(chart: Chart, title: str) -> str:
    """A Mermaid ``gantt`` block: a section per pair, a task per proposal from its first to its last day."""
    out = [
        "gantt",
        f"    title {_mermaid_text(title)}",
        "    dateFormat YYYY-MM-DD",
        f"    axisFormat {'%b %Y' if chart.scale == SCALES[0] else '%Y'}",  # years when months would crowd
        "    inclusiveEndDates",
    ]
    for lane in chart.lanes:
        out.append(f"    section {_mermaid_text(lane.roadmap.name)}")
        for proposal in lane.bars:
            assert proposal.start and proposal.end  # a lane holds only proposals with a timeline
            task = _mermaid_text(f"{proposal.id} {proposal.title}")
            ident = f"{lane.roadmap.id}-{proposal.id.lower()}"
            out.append(f"    {task} :{ident}, {proposal.start.first_day}, {proposal.end.last_day}")
    out += [f"    %% no timeline given: {p.qualified_id} {' '.join(p.title.split())}" for p in chart.undated]
    return "\n".join(out) + "\n"
