"""The wizard with no screen, or without Qt's system libraries: a clear
message and exit 2, never Qt's abort (exit 134) or a core dump."""
import os
import subprocess
import sys

from desktop.screen_check import NO_SCREEN, XCB_LIBRARIES, screen_problem


def test_no_display_names_the_command_line_instead():
    assert screen_problem({}, "linux") == NO_SCREEN
    assert "relief-wizard evaluate" in NO_SCREEN and "relief-wizard export" in NO_SCREEN


def test_a_chosen_platform_or_a_wayland_session_is_left_to_qt():
    assert screen_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert screen_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert screen_problem({}, "win32") is None


def test_a_missing_xcb_library_is_named_by_its_debian_package():
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    text = screen_problem({"DISPLAY": ":0"}, "linux", loadable=lambda so: so not in missing)
    assert "apt-get install libxcb-cursor0 libxkbcommon-x11-0" in text
    assert screen_problem({"DISPLAY": ":0"}, "linux", loadable=lambda so: True) is None
    assert screen_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux",
                          loadable=lambda so: so != "libEGL.so.1").count("libegl1") == 1
    assert len(set(XCB_LIBRARIES.values())) == len(XCB_LIBRARIES)


def test_the_command_exits_2_with_the_message_when_there_is_no_screen(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["RELIEF_WIZARD_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == NO_SCREEN
    assert not any(tmp_path.iterdir()), "nothing is written before the window opens"
