import pytest

import pyocap


@pytest.fixture
def sb():
    with pyocap.Sandbox() as s:
        yield s
