using System.Text;
using Contact.Server.Hosting;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using LiteDB;

namespace Contact.Tests.Integration;

/// <summary>Children's data at rest: field-level encryption, independent of the file password.</summary>
public class ReferralAtRestTests
{
    [Fact]
    public async Task A_childs_name_and_date_of_birth_never_reach_the_database_files_in_plain_text()
    {
        // Without the LiteDB file password, so that the scan sees what field encryption alone protects.
        await using var host = await TestHost.StartAsync(configure: services =>
            ((ContactOptions)services.Single(d => d.ServiceType == typeof(ContactOptions)).ImplementationInstance!).Storage.Password = "");
        try
        {
            var naccc = await host.ClientAsync(Role.Naccc);
            var practitioner = await host.ClientAsync(Role.Practitioner);
            var centre = await Referrals.AccreditedCentreAsync(naccc, "Scan Centre", commissioned: false);
            var referral = Referrals.Valid(centre.Name);
            referral.CaseNumber = "ZE26C77001";
            referral.Children.Clear();
            referral.Children.Add(new ReferralChild { GivenNames = "Zebedee", FamilyName = "Quillfeather", BirthDate = new Google.Type.Date { Year = 2018, Month = 11, Day = 23 } });
            referral.CaseInformation.FurtherInformation = "Marmaduke supervision report excerpt";
            referral.CaseInformation.CourtPermissionReference = "Order 2026-05-01 para 3";
            var submitted = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = referral });
            var centreClient = await host.ClientAsync(Role.ContactCentre, centreId: centre.Name["centres/".Length..]);
            await centreClient.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = submitted.Name });

            // Read back in the clear through the API...
            var read = await practitioner.Referrals.GetReferralAsync(new GetReferralRequest { Name = submitted.Name });
            Assert.Equal(("Zebedee", "Quillfeather"), (read.Children.Single().GivenNames, read.Children.Single().FamilyName));
            Assert.Equal("Marmaduke supervision report excerpt", read.CaseInformation.FurtherInformation);

            // ...and sealed in the stored document.
            var store = host.Get<ContactStore>();
            var raw = store.Read(s => s.Collection<BsonDocument>(ReferralRepository.Collection).FindAll().Single());
            Assert.StartsWith("enc1:", raw["Children"][0]["GivenNames"].AsString);

            await store.CheckpointAsync();
            var bytes = new List<byte>();
            foreach (var file in new[] { store.Path, Path.ChangeExtension(store.Path, null) + "-log.db" }.Where(File.Exists))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes.AddRange(copy.ToArray());
            }
            var content = bytes.ToArray();
            bool Contains(string text) => content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

            Assert.True(Contains("ZE26C77001"), "the scan must see plain text where there is some (the case number is not encrypted)");
            foreach (var secret in new[] { "Zebedee", "Quillfeather", "2018-11-23", "Marmaduke" })
                Assert.False(Contains(secret), $"'{secret}' is stored in plain text");
        }
        finally
        {
            host.DeleteData();
        }
    }
}
