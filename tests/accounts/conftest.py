import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory


def code_for(device: TOTPDevice, drift: int = 0) -> str:
    """The code the user's authenticator app shows now (drift=1: the next 30-second step)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


@pytest.fixture
def office_user(db):
    return UserFactory(username="office-chen", display_name="陈科长", roles=["office"])


@pytest.fixture
def enrolled_user(office_user):
    TOTPDevice.objects.create(user=office_user, name="authenticator", confirmed=True)
    return office_user


@pytest.fixture
def device(enrolled_user):
    return TOTPDevice.objects.get(user=enrolled_user)
