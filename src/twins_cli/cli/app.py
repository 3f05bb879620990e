"""The ``twins`` command line: the Typer app, its global options, and the one way every run ends.

Nothing here knows how roadmaps are read or checked, nor what any command does:
the commands are in ``commands/``, one module per family, named in the table
``commands.COMMANDS``; a run builds only the one it runs (``twins --help``
lists them from the table). A failure becomes one line and a documented exit code
(``failures.py``), never a traceback nor a usage box.

Unlike the rest of the package, this module does not use ``from __future__
import annotations``: Typer reads the global options' annotations on every run,
and string annotations make it evaluate them again.
"""

import os
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from twins_cli import __version__
from twins_cli.base.i18n import _, language, speak
from twins_cli.cli.argv import global_value, globals_first
from twins_cli.cli.commands import SUMMARIES, target
from twins_cli.cli.context import Settings, settings
from twins_cli.cli.failures import fail, os_failure, report, tell, usage_failure
from twins_cli.errors import ExitCode, InternalError, TwinsError, UsageError
from twins_cli.formats.terminal import choose_colour, guard_stdout


class _Commands(MutableMapping[str, Any]):
    """The commands by name, each built (its module imported, its options read by Typer) when first looked up.

    Building every command on every run cost about 4 ms, and importing their modules more: a run needs one.
    """

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in SUMMARIES:
                raise KeyError(name)
            self._built[name] = self._build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*SUMMARIES, *self._built]))

    def __len__(self) -> int:
        return len(set(SUMMARIES) | set(self._built))


def _build_command(name: str) -> Any:
    """The Click command (or group, for ``cache``) for the command ``name`` of the table, built as Typer would."""
    from typer.main import get_command_from_info, get_group_from_info
    from typer.models import CommandInfo, TyperInfo

    found = target(name)
    if isinstance(found, typer.Typer):
        return get_group_from_info(
            TyperInfo(found, name=name),
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
            suggest_commands=True,
        )
    return get_command_from_info(
        CommandInfo(name=name, callback=found),
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class _Group(TyperGroup):
    """Every way a run ends: one line and a documented exit code, never a traceback nor a usage box."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.commands = _Commands(_build_command)

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands' names, in the table's order, without building any."""
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The list of commands in ``--help``, from the table: one line each, shortened as Click shortens help."""
        from typer._click.utils import make_default_short_help

        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section("Commands"):
            formatter.write_dl([(name, make_default_short_help(SUMMARIES[name], limit)) for name in names])

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run with Click's own error display off: a usage error is ``twins: …`` and exit 2."""
        argv = globals_first(self, list(sys.argv[1:] if args is None else args))
        try:
            speak(global_value(self, argv, "--lang"))
        except UsageError as error:  # before anything else is said, so that every line is in one language
            code = report(error)
            if standalone_mode:
                sys.exit(code)
            return code
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as error:  # plain `twins`: the help
            error.show()
            code = error.exit_code
        except ClickUsageError as error:
            code = report(usage_failure(error))
        code = code if isinstance(code, int) else int(ExitCode.OK)
        if standalone_mode:
            sys.exit(code)
        return code

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        """Parse the global options; ``--help`` or ``--version`` into a closed pipe ends quietly."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except BrokenPipeError:
            _silence_closed_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command is a ``UsageError`` with "did you mean"."""
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-") and not ctx.resilient_parsing:
            from twins_cli.base.words import did_you_mean

            raise UsageError(
                _("no such command {name!r}{suggestion}").format(
                    name=name, suggestion=did_you_mean(name, self.list_commands(ctx))
                ),
                _("see twins --help"),
            )
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        """Run the command: a ``TwinsError`` is its line and code, any other exception a bug (exit 70)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # the reader went away (twins list | head -1): not an error
            _silence_closed_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except NoArgsIsHelpError as error:  # `twins contact`, a group without its command: its help, as for `twins`
            error.show()
            raise typer.Exit(error.exit_code) from None
        except ClickUsageError as error:  # in the command's options or arguments
            fail(usage_failure(error, ctx.invoked_subcommand))
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            if settings(ctx).debug:
                raise
            if isinstance(error, TwinsError):
                fail(error)
            if isinstance(error, OSError):  # the file system said no where no check expected it
                fail(os_failure(error))
            fail(InternalError.about(error))


app = typer.Typer(
    cls=_Group,
    help="Roadmaps of the UK–Republic of Korea Innovation Twins programme: validate and query them.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Colour(str, Enum):
    """``--color``'s choices (``formats.terminal.use_colour`` says what each means)."""

    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"twins {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    roadmaps: Annotated[
        Path | None,
        typer.Option(
            "--roadmaps",
            help="Folder of roadmap files. Default: $TWINS_ROADMAPS, else twins.toml's roadmaps, else ./roadmaps, "
            "else this folder if it holds roadmaps (twins where tells which).",
            metavar="DIR",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Queries refuse (exit 1) when any roadmap does not validate, not skip it."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    colour: Annotated[
        Colour,
        typer.Option(
            "--color",
            help="Colour tables and pages: auto (on a terminal, unless NO_COLOR is set, or with FORCE_COLOR), "
            "always or never. Colour only: the text is the same.",
        ),
    ] = Colour.auto,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of tables, pages and messages: en or ko. Default: $TWINS_LANG, else the locale, else en.",
            metavar="en|ko",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(roadmaps=roadmaps, debug=debug, strict=strict, colour=colour.value, lang=language())
    choose_colour(colour.value)


def main() -> None:
    """Console-script entry point: every way a run ends is a documented exit code, and at most one line.

    Ctrl-C is 130, and a reader that closes the pipe (twins list | head -1) ends quietly with 0.
    Output that cannot be written (a full disk, a closed stdout) is one line and exit 2: stdout is
    flushed here, inside the handlers, so the interpreter's last flush has nothing left to fail on.
    With --debug an error propagates to here: its traceback, then its own exit code.
    """
    if sys.stdout is None:  # started with stdout closed (twins list >&-)
        tell("twins: cannot write output: standard output is closed\n")
        sys.exit(int(ExitCode.USAGE))
    sys.stdout = guard_stdout(sys.stdout)
    code: Any = int(ExitCode.OK)
    try:
        app(prog_name="twins")
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        tell("\n")
        code = int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_closed_stdout()
    except Exception as error:  # with --debug; or a bug before any command ran
        failure = error if isinstance(error, TwinsError) else InternalError.about(error)
        if "--debug" in sys.argv[1:]:
            import traceback

            traceback.print_exc()
            code = int(failure.exit_code)
        else:
            code = report(failure)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_closed_stdout()
    except TwinsError as error:  # output that could not be written
        code = report(error)
    if code == int(ExitCode.INTERRUPTED):
        # Leave without the interpreter's shutdown: after a second Ctrl-C has stopped the workers, the
        # pool's own thread may still be writing to their closed pipes, and would print its traceback.
        os._exit(code)
    sys.exit(code)


def _silence_closed_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not complain of the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
