using System.Diagnostics;
using System.Globalization;
using System.Text;
using Contact.Client;
using Contact.V1;
using Google.Protobuf;

namespace Contact.Load;

/// <summary>
/// A synthetic national postcode directory in the ONS Postcode Directory's CSV layout (the real one,
/// about 2.7 million rows and 1.3 GB, cannot be fetched here), generated at run time and never
/// committed. Rows carry the columns ONSPD has and PostcodeCsv reads (pcd, pcd2, pcds, dointr,
/// doterm, the grid reference, lat, long) among filler statistical-geography codes of ONSPD's width.
/// Districts are real areas' letters around the demo towns (server/Contact.Server/Demo/towns.csv),
/// so a postcode such as LS1 4AP lands near Leeds and a lookup from it finds centres.
/// </summary>
public static class SyntheticOnspd
{
    // The ONSPD header, abridged to the columns the import reads and a representative spread of the rest.
    private const string Header = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21";
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>Writes <paramref name="rows"/> rows (a share of them terminated) to <paramref name="output"/>; returns the live postcodes written.</summary>
    public static long Write(TextWriter output, long rows, double terminatedShare, int seed, string townsCsv)
    {
        var random = new Random(seed);
        var anchors = File.ReadLines(townsCsv).Skip(1).Select(l => l.Split(','))
            .Select(f => (Area: new string(f[2].TakeWhile(char.IsAsciiLetter).ToArray()),
                Lat: double.Parse(f[3], CultureInfo.InvariantCulture), Lon: double.Parse(f[4], CultureInfo.InvariantCulture)))
            .GroupBy(a => a.Area).ToDictionary(g => g.Key, g => g.Select(a => (a.Lat, a.Lon)).ToArray());
        // ~2,900 districts as in the real directory; each holds at most 4,000 inward codes (10 x 20 x 20).
        var perArea = (int)Math.Max(1, Math.Ceiling(2900.0 / anchors.Count));
        var districts = anchors.SelectMany(a => Enumerable.Range(1, perArea).Select(n =>
        {
            var (lat, lon) = a.Value[random.Next(a.Value.Length)];
            return (Outward: $"{a.Key}{n}", Lat: lat + (random.NextDouble() - 0.5) * 0.2, Lon: lon + (random.NextDouble() - 0.5) * 0.3);
        })).ToArray();
        var perDistrict = (int)Math.Ceiling((double)rows / districts.Length);
        if (perDistrict > 4000) throw new ArgumentException($"{rows} rows need more than 4,000 postcodes a district.");

        output.Write(Header);
        output.Write('\n');
        long written = 0, live = 0;
        var line = new StringBuilder(320);
        foreach (var district in districts)
        {
            // A random selection of the district's inward codes, in order, as ONSPD lists them.
            var codes = Enumerable.Range(0, 4000).OrderBy(_ => random.Next()).Take(perDistrict).Order();
            foreach (var code in codes)
            {
                if (written == rows) return live;
                var inward = $"{code / 400}{InwardLetters[code / 20 % 20]}{InwardLetters[code % 20]}";
                var pcds = $"{district.Outward} {inward}";
                var pcd = district.Outward.PadRight(4) + inward; // 7 characters, as ONSPD's pcd
                var terminated = random.NextDouble() < terminatedShare;
                var lat = district.Lat + (random.NextDouble() - 0.5) * 0.03;
                var lon = district.Lon + (random.NextDouble() - 0.5) * 0.045;
                var ons = random.Next(1000, 9999);
                line.Clear()
                    .Append(pcd).Append(',').Append(district.Outward.PadRight(5)).Append(inward).Append(',').Append(pcds).Append(',')
                    .Append("19").Append(random.Next(80, 100)).Append("01,").Append(terminated ? "201206" : "").Append(',')
                    .Append("E10000").Append(ons % 100 + 100).Append(",E58000").Append(ons).Append(",E0700").Append(ons).Append(",E0500").Append(ons).Append(",E0400").Append(ons)
                    .Append(',').Append(random.Next(2)).Append(',')
                    .Append(random.Next(100000, 650000)).Append(',').Append(random.Next(10000, 1200000)).Append(",1,E18000")
                    .Append(ons % 10).Append(",E4000").Append(ons % 100).Append(",E92000001,E1200000").Append(ons % 9 + 1).Append(",0,E1400").Append(ons)
                    .Append(",E1500000").Append(ons % 9 + 1).Append(",L0000").Append(ons % 100).Append(",E3000").Append(ons % 1000).Append(",E1600").Append(ons % 1000)
                    .Append(",E99999999,E0500").Append(ons).Append(",00AA").Append(ons).Append(",00AA").Append(ons % 100).Append(",E99999999,E0100").Append(ons)
                    .Append(",E0200").Append(ons).Append(",A,1A1,E0000").Append(ons).Append(",E0100").Append(ons).Append(",E0200").Append(ons)
                    .Append(",E3300").Append(ons).Append(",E3800").Append(ons % 1000).Append(",E6300").Append(ons).Append(",A1,1a1,")
                    .Append(lat.ToString("F6", CultureInfo.InvariantCulture)).Append(',').Append(lon.ToString("F6", CultureInfo.InvariantCulture))
                    .Append(",E3700").Append(ons % 100).Append(",,E2300000").Append(ons % 9 + 1).Append(',').Append(random.Next(1, 32845))
                    .Append(",E5600").Append(ons % 100).Append(",E5400").Append(ons % 100).Append(",E0000").Append(ons).Append(",E0100").Append(ons).Append(",E0200").Append(ons);
                output.Write(line);
                output.Write('\n');
                written++;
                if (!terminated) live++;
            }
        }
        return live;
    }

    /// <summary>
    /// Streams a CSV file to ImportPostcodes in 64 KB chunks, printing progress, and reports the
    /// server's answer, the time and the server's resident memory before and after.
    /// </summary>
    public static async Task<int> ImportAsync(string address, string key, string file, TextWriter log, int? serverPid)
    {
        Loopback.Require(address);
        using var client = new ContactClient(new ContactClientOptions { Address = new Uri(address), ApiKey = key });
        var length = new FileInfo(file).Length;
        log.WriteLine($"import {file}: {length / 1048576.0:0} MB{Memory(serverPid, " server before: ")}");
        var clock = Stopwatch.StartNew();
        using var call = client.Postcodes.ImportPostcodes();
        await using (var stream = File.OpenRead(file))
        {
            var buffer = new byte[64 * 1024];
            long sent = 0, reported = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportPostcodesRequest { CsvChunk = ByteString.CopyFrom(buffer, 0, read) });
                sent += read;
                if (sent - reported >= length / 10 || sent == length)
                {
                    reported = sent;
                    log.WriteLine($"  sent {sent * 100 / Math.Max(1, length),3}% ({sent / 1048576.0:0} MB) at {clock.Elapsed.TotalSeconds:0.0} s{Memory(serverPid, ", server ")}");
                }
            }
        }
        await call.RequestStream.CompleteAsync();
        var result = await call;
        log.WriteLine($"imported {result.ImportedCount:N0} postcodes, {result.TerminatedCount:N0} terminated, {result.FailedCount:N0} refused, {result.DistrictsUpdated:N0} districts, in {clock.Elapsed.TotalSeconds:0.0} s{Memory(serverPid, "; server ")}");
        foreach (var error in result.Errors.Take(5)) log.WriteLine($"  {error}");
        return result.FailedCount == 0 ? 0 : 1;
    }

    // VmRSS now and VmHWM (peak) of the server process, from /proc.
    private static string Memory(int? pid, string prefix)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status")) return "";
        var status = File.ReadAllLines($"/proc/{pid}/status");
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name))?[(name.Length + 1)..].Trim() ?? "?";
        return $"{prefix}RSS {Field("VmRSS")}, peak {Field("VmHWM")}";
    }
}
