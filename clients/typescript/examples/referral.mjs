// Nearest supervised centres to a postcode, a referral to the first, read back. Plain Node 20:
//   CONTACT_URL=http://127.0.0.1:5080 CONTACT_API_KEY=... node referral.mjs "LS1 4AP"
import { randomUUID } from "node:crypto";
import { createContactClient, ContactError, ContactType, ReferralKind, ReferralRiskLevel, ReferralStatus } from "@contact/client";

const client = createContactClient({ baseUrl: process.env.CONTACT_URL, apiKey: process.env.CONTACT_API_KEY });
try {
  const { results } = await client.register.findNearestCentres({
    origin: { case: "postcode", value: process.argv[2] ?? "LS1 4AP" },
    contactType: ContactType.SUPERVISED, commissionedOnly: true, limit: 3,   // policy 1.4
  });
  for (const r of results) console.log(`${r.summary.displayName}: ${r.distanceMiles.toFixed(1)} miles`);
  const submitted = await client.referrals.submitReferral({ referral: {
    requestId: randomUUID(), caseNumber: "ZE26C00123", kind: ReferralKind.PLANNED_WORK,
    children: [{ givenNames: "Amelia", familyName: "Stone", birthDate: { year: 2019, month: 3, day: 14 } }],
    contactType: ContactType.SUPERVISED, centre: results[0].summary.name, familyAware: true, waitingTimeChecked: true,
    riskAssessment: { riskLevel: ReferralRiskLevel.POTENTIAL }, caseInformation: { natureOfDispute: "Arrangements" },
    childPreparation: { plan: "Visit the centre first", deliveredBy: "the FCA" },
  } });
  const read = await client.referrals.getReferral({ name: submitted.name });
  console.log(`referral ${read.name}: ${ReferralStatus[read.status]}`);
} catch (e) {
  const error = ContactError.from(e);
  console.error(`refused: ${error.codeName} ${error.clause ?? ""} ${error.rawMessage}`, error.fields);
  process.exitCode = 1;
}
