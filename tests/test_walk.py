"""extractor.walk: a hostile folder never stops the walk, and reading never blocks or runs away."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from extractor import batch, errors
from extractor.feeds import Unusable
from extractor.output import to_json
from extractor.pipeline import Options
from extractor.walk import InputFile, Skipped, iter_inputs, read, read_capped, read_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and byte file names are POSIX")


def ids(found):
    return [(type(f).__name__, f.document_id if not isinstance(f, Skipped) else f.path.name) for f in found]


# ----------------------------------------------------------------------------------- ids


def test_document_ids_are_paths_relative_to_the_folder_given_and_unique_in_a_batch(make_files):
    root = make_files({"x/a.txt": "1", "x/sub/a.txt": "2", "y/a.txt": "3", "x/b.txt": "4", "x/b.html": "5"})
    found = list(iter_inputs([root / "x", root / "y", root / "x" / "b.txt"]))
    assert [f.document_id for f in found] == [
        "a", "b", str(root / "x" / "b.txt"), "sub/a",  # b.txt after b.html would repeat "b": its path instead
        str(root / "y" / "a.txt"),  # "a" again, from the second folder given
        f"{root / 'x' / 'b.txt'}#2",  # a file given twice: its path is taken too
    ]
    assert len({f.document_id for f in found}) == len(found)
    again = list(iter_inputs([root / "x" / "b.txt", root / "x" / "b.txt", root / "x" / "b.txt"]))
    assert [f.document_id for f in again] == ["b", str(root / "x" / "b.txt"), f"{root / 'x' / 'b.txt'}#2"]


def test_a_file_given_directly_keeps_its_stem_as_id(make_files):
    root = make_files({"deep/er/nw-002.txt": "x"})
    [found] = iter_inputs([root / "deep" / "er" / "nw-002.txt"])
    assert found.document_id == "nw-002"


def test_a_very_deep_folder_tree_is_walked_without_recursion(tmp_path):
    folder = tmp_path / "top"
    path = folder.joinpath(*["d"] * 600)  # nested generators, two frames a level, would pass the recursion limit
    os.makedirs(path)
    (path / "leaf.txt").write_text("x")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    try:
        [found] = iter_inputs([folder])
    finally:
        sys.setrecursionlimit(limit)
    assert found.document_id == "d/" * 600 + "leaf"


# ---------------------------------------------------------------------------------- links


@posix_only
def test_a_loop_of_links_between_two_files_gives_error_records_not_an_aborted_batch(no_model, make_files):
    root = make_files({"a.txt": "fine", "z.txt": "fine"})
    (root / "loop1.txt").symlink_to(root / "loop2.txt")
    (root / "loop2.txt").symlink_to(root / "loop1.txt")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    records = list(batch.run(list(iter_inputs([root]))))
    assert [r.document_id for r in records] == ["a", "dangling", "loop1", "loop2", "z"]
    assert [getattr(r, "error", None) and r.error.type for r in records] == [
        None, "unreadable_file", "unreadable_file", "unreadable_file", None]
    assert "symbolic links" in records[2].error.message


@posix_only
def test_a_loop_of_folder_links_does_not_hang_the_walk_even_when_following_links(make_files):
    root = make_files({"f/a.txt": "x"})
    (root / "f" / "up").symlink_to(root)
    (root / "f" / "self").symlink_to(root / "f")
    found = list(iter_inputs([root], follow_links=True))
    assert [f.document_id for f in found if isinstance(f, InputFile)] == ["f/a"]
    assert {f.path.name: f.reason for f in found if isinstance(f, Skipped)} == {
        "self": "folder already walked (a loop of links)", "up": "folder already walked (a loop of links)"}


@posix_only
def test_links_leaving_the_folder_are_skipped_unless_follow_links(make_files):
    root = make_files({"in/a.txt": "x", "in/sub/b.txt": "x", "secret/key.txt": "private"})
    (root / "in" / "leak.txt").symlink_to(root / "secret" / "key.txt")
    (root / "in" / "inside.txt").symlink_to(root / "in" / "sub" / "b.txt")
    (root / "in" / "outdir").symlink_to(root / "secret")
    found = list(iter_inputs([root / "in"]))
    assert [f.document_id for f in found if isinstance(f, InputFile)] == ["a", "inside", "sub/b"]
    reasons = {f.path.name: f.reason for f in found if isinstance(f, Skipped)}
    assert set(reasons) == {"leak.txt", "outdir"} and "--follow-links" in reasons["leak.txt"]
    followed = list(iter_inputs([root / "in"], follow_links=True))
    assert [f.document_id for f in followed] == ["a", "inside", "leak", "outdir/key", "sub/b"]


# ------------------------------------------------------------------------ special files


@posix_only
def test_a_fifo_a_device_and_a_socket_named_txt_give_error_records_without_blocking(no_model, make_files):
    import socket

    root = make_files({"a.txt": "fine"})
    os.mkfifo(root / "fifo.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "sock.txt"))
    try:
        records = list(batch.run(list(iter_inputs([root], follow_links=True))))
    finally:
        server.close()
    by_id = {r.document_id: r for r in records}
    assert list(by_id) == ["a", "fifo", "sock", "zero"]
    assert "a FIFO (named pipe), not a regular file" in by_id["fifo"].error.message
    assert "a character device, not a regular file" in by_id["zero"].error.message
    assert by_id["sock"].error.type == "unreadable_file"


def test_reading_stops_at_the_limit_whatever_the_size_says():
    with pytest.raises(errors.InputError) as caught:
        read_capped(io.BytesIO(b"x" * 1_000), limit=100)
    assert caught.value.type == "too_large"
    assert read_capped(io.BytesIO(b"x" * 100), limit=100) == b"x" * 100


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_whose_size_says_zero_is_still_read_in_full():
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0
    assert b"Name:" in read_file(path, limit=1 << 20)


def test_a_file_far_larger_than_max_chars_is_a_too_large_record(make_files):
    root = make_files({"big.txt": "x" * 1000})
    [item] = iter_inputs([root])
    with pytest.raises(errors.InputError) as caught:
        read(item, Options(max_chars=10))
    assert caught.value.type == "too_large" and "--max-chars" in caught.value.message


# --------------------------------------------------------------------- undecodable names


@posix_only
def test_a_file_name_that_is_not_utf8_is_read_and_reported_losslessly(no_model, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 \\x41.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Acme named Jo Li CEO.")
    [record] = batch.run(list(iter_inputs([folder])))
    line = to_json(record)
    line.decode("ascii")  # valid JSON, in plain ASCII
    back = json.loads(line)
    assert os.fsencode(back["source"]) == raw
    assert os.fsencode(back["document_id"]) == b"caf\xe9 \\x41"


def test_a_missing_path_is_an_unusable_input_with_its_message(tmp_path):
    [found] = iter_inputs([tmp_path / "nope.txt"])
    assert isinstance(found, Unusable) and found.type == "missing_path"
    assert found.message == f"no such file or folder: {tmp_path / 'nope.txt'}"
