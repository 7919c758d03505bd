"""The GUI's arguments (``mdcc-desktop``): a start from a menu or a desktop file gives at most
``--data-dir`` and ``--smoke``, read without building argparse's parser (it cost some 3 ms
before the first window); what they mean is what the parser makes of them, and anything else
still goes to the parser."""

from __future__ import annotations

import argparse

import pytest

from mdcc_desktop import app

ARGUMENTS = [
    [],
    ["--smoke"],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x"],
    ["--data-dir", "/tmp/x", "--smoke"],
    ["--smoke", "--data-dir", "a folder with spaces"],
    ["--data-dir", "/tmp/x", "--data-dir", "/tmp/y"],  # the last one counts
    ["--data-dir=-odd"],  # a value given with "=" may start with a dash
    ["-platform", "offscreen", "--smoke"],  # Qt's own options are left to Qt
    ["--smo"],  # argparse's abbreviation
]


@pytest.mark.parametrize("argv", ARGUMENTS, ids=" ".join)
def test_the_arguments_mean_what_argparse_makes_of_them(argv: list[str]) -> None:
    expected, _rest = app._parser().parse_known_args(argv)
    assert vars(app.parse_args(argv)) == vars(expected)


@pytest.mark.parametrize(
    "argv",
    [["--data-dir", ""], ["--data-dir"], ["--data-dir", "--smoke"], ["--data-dir", "a\x00b"]],
    ids=["empty", "missing", "an option", "NUL"],
)
def test_a_bad_data_folder_is_refused_by_the_parser_with_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        app.parse_args(argv)
    assert stopped.value.code == 2
    assert "--data-dir" in capsys.readouterr().err


def test_the_version_is_still_said(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        app.parse_args(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("mdcc-desktop ")


@pytest.mark.parametrize(
    "argv", [[], ["--smoke"], ["--data-dir", "/tmp/x", "--smoke"]], ids=" ".join
)
def test_a_start_with_the_usual_arguments_builds_no_parser(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser was built")

    monkeypatch.setattr(argparse, "ArgumentParser", refuse)
    args = app.parse_args(argv)
    assert args.smoke == ("--smoke" in argv)
