"""Nearest supervised centres to a postcode, a referral to the first, read back. In a venv with the package:
  CONTACT_TARGET=127.0.0.1:5080 CONTACT_API_KEY=... python referral.py "LS1 4AP"
"""
import os, sys, uuid

from contact_client import ContactClient, ContactError
from contact.v1 import common_pb2, referrals_pb2, register_pb2

with ContactClient(os.environ["CONTACT_TARGET"], os.environ["CONTACT_API_KEY"]) as client:
    try:
        found = client.register.FindNearestCentres(register_pb2.FindNearestCentresRequest(
            postcode=sys.argv[1] if len(sys.argv) > 1 else "LS1 4AP", contact_type=common_pb2.CONTACT_TYPE_SUPERVISED,
            commissioned_only=True, limit=3))   # supervised referrals go only to commissioned services (policy 1.4)
        for r in found.results:
            print(f"{r.centre.display_name}: {r.distance_miles:.1f} miles")
        submitted = client.referrals.SubmitReferral(referrals_pb2.SubmitReferralRequest(referral=referrals_pb2.Referral(
            request_id=str(uuid.uuid4()), case_number="ZE26C00123", kind=referrals_pb2.REFERRAL_KIND_PLANNED_WORK,
            children=[referrals_pb2.ReferralChild(given_names="Amelia", family_name="Stone", birth_date={"year": 2019, "month": 3, "day": 14})],
            contact_type=common_pb2.CONTACT_TYPE_SUPERVISED, centre=found.results[0].centre.name, family_aware=True,
            waiting_time_checked=True, risk_assessment={"risk_level": referrals_pb2.REFERRAL_RISK_LEVEL_POTENTIAL},
            case_information={"nature_of_dispute": "Arrangements"}, child_preparation={"plan": "Visit first", "delivered_by": "the FCA"})))
        read = client.referrals.GetReferral(referrals_pb2.GetReferralRequest(name=submitted.name))
        print(f"referral {read.name}: {referrals_pb2.ReferralStatus.Name(read.status)}")
    except ContactError as error:
        sys.exit(f"refused: {error} {error.fields}")
