"""A pytest suite shaped like guest storage checks: one pass, one failure, one error, one skip."""
import pytest


@pytest.fixture
def guest_disk():
    raise RuntimeError("qemu-img create failed: No space left on device")


def test_qcow2_header_magic():
    assert b"QFI\xfb"[:3] == b"QFI"


def test_discard_shrinks_image():
    allocated_before, allocated_after = 4096, 4096
    assert allocated_after < allocated_before, "discard did not free any cluster"


def test_resize_online(guest_disk):
    assert guest_disk


@pytest.mark.skip(reason="needs a virtio-scsi guest")
def test_scsi_unmap():
    pass
