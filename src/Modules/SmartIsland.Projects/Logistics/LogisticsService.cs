using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Features;
using SmartIsland.Licences.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Logistics;

public sealed record CarrierInput(Guid? EnterpriseId, CarrierKind Kind, Guid? ParkId, string? Liaison);
public sealed record VehicleInput(Guid CarrierId, string? Plate, VehicleKind Kind, Emission Emission, decimal? RatedLoad);
public sealed record DriverInput(Guid CarrierId, string? Name, string? IdNumber, string? Phone, string? LicenceClass);
public sealed record DemandInput(Guid CarrierId, string? Title, string? Cargo, DateOnly From, DateOnly To, int VehiclesNeeded, string? Route, string? PeakTag);
public sealed record PassInput(DateOnly From, int Days, string? Route);

/// <summary>A carrier; the counts are of its active vehicles and drivers. <c>Version</c> goes back as If-Match when editing.</summary>
public sealed record CarrierRow(Guid Id, string Name, string CreditCode, CarrierKind Kind, string? Park, string? Liaison, int Vehicles, int Drivers, int PassesValid, int OpenDemands,
    Guid? ParkId = null, bool Active = true, int Version = 0);
public sealed record VehicleRow(Guid Id, Guid CarrierId, string Carrier, string Plate, VehicleKind Kind, Emission Emission, decimal RatedLoad,
    string? PassNumber, DateOnly? PassFrom, DateOnly? PassUntil, bool PassValidToday, int Version, bool Active = true);
public sealed record DriverRow(Guid Id, Guid CarrierId, string Carrier, string Name, string IdNumber, string? Phone, string LicenceClass, bool Active = true, int Version = 0);
public sealed record DemandRow(Guid Id, Guid CarrierId, string Carrier, string Title, string? Cargo, DateOnly From, DateOnly To, int VehiclesNeeded,
    string? Route, string? PeakTag, DemandStatus Status, string? StatusNote = null, int Version = 0);

/// <summary>One carrier in a peak period: what it asked for against the vehicles that hold a pass for the whole period.</summary>
public sealed record PeakRow(Guid CarrierId, string Carrier, int VehiclesNeeded, int Vehicles, int PassesCovering, int Gap, IReadOnlyList<string> Demands);

/// <summary>
/// 三库一单 for the logistics park: the enterprise, vehicle and driver libraries, the key transport-demand list, transport
/// passes (货车城区通行证, issued as e-licences of type <c>transport-pass</c> and revoked there) and the peak-season view.
/// Kept by Admin, department staff (交警、交通) and park staff; zone leaders read with drivers' data masked.
/// </summary>
public sealed partial class LogisticsService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IEnterpriseDirectory enterprises,
    IOrganisationDirectory organisation, ILicenceRegistry licences, LicenceService licenceService, IStringLocalizer<LogisticsStrings> l)
{
    public const string KeepRule = "logistics.keep: Admin, department staff and park staff keep the logistics libraries";
    public const string PassRule = "logistics.pass: transport passes are issued and revoked by Admin and department staff (交警)";
    public const string PassType = "transport-pass";
    /// <summary>货车城区通行证 conditions (the catalogue's GA-XK-002, 条件 C1–C3): 国六 or new energy, ≤ 18 t, ≤ 90 days.</summary>
    public const decimal MaxLoad = 18m;
    public const int MaxPassDays = 90;

    // 豫D12345, 豫DD12345 (new energy): a province character, a letter, five or six letters/digits.
    [GeneratedRegex(@"^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}$")]
    private static partial Regex PlatePattern();

    public bool MayKeep => user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff);
    public bool MayRead => MayKeep || user.IsInRole(Roles.ZoneLeader);
    public bool MayPass => user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private void RequireRead() { if (!MayRead) throw new ForbiddenException(KeepRule, l["Err_MayNotRead"]); }
    private void RequireKeep() { if (!MayKeep) throw new ForbiddenException(KeepRule, l["Err_MayNotKeep"]); }

    public async Task<IReadOnlyList<CarrierRow>> CarriersAsync(CancellationToken ct = default)
    {
        RequireRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        var carriers = await db.Set<Carrier>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var vehicles = await db.Set<Vehicle>().AsNoTracking().Where(v => v.DeactivatedOn == null)
            .Select(v => new { v.CarrierId, Valid = v.PassNumber != null && v.PassFrom <= today && v.PassUntil >= today }).ToListAsync(ct);
        var drivers = await db.Set<Driver>().AsNoTracking().Where(d => d.DeactivatedOn == null).GroupBy(d => d.CarrierId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var demands = await db.Set<TransportDemand>().AsNoTracking().Where(d => d.Status == DemandStatus.Open).GroupBy(d => d.CarrierId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        return carriers.Select(c => new CarrierRow(c.Id, c.Name, c.CreditCode, c.Kind, c.ParkId is { } p ? parks.GetValueOrDefault(p) : null, c.Liaison,
            vehicles.Count(v => v.CarrierId == c.Id), drivers.GetValueOrDefault(c.Id), vehicles.Count(v => v.CarrierId == c.Id && v.Valid), demands.GetValueOrDefault(c.Id),
            c.ParkId, c.DeactivatedOn is null, c.Version)).ToList();
    }

    public async Task<Guid> AddCarrierAsync(CarrierInput input, CancellationToken ct = default)
    {
        RequireKeep();
        var errors = new ValidationErrors();
        var identity = input.EnterpriseId is { } id ? await enterprises.IdentityAsync(id, null, ct) : null;
        if (identity is null) errors.Add("enterpriseId", l["Err_UnknownEnterprise"]);
        await CheckCarrierAsync(input.Kind, input.ParkId, input.Liaison, errors, ct);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<Carrier>().AnyAsync(c => c.EnterpriseId == identity!.Id, ct)) throw new ValidationFailedException("enterpriseId", l["Err_CarrierExists"]);
        var carrier = new Carrier
        {
            ZoneId = user.ZoneId!.Value, EnterpriseId = identity!.Id, Name = identity.Name, CreditCode = identity.CreditCode, Kind = input.Kind,
            ParkId = input.ParkId, Liaison = input.Liaison?.Trim(),
        };
        db.Add(carrier);
        db.AuditReason = $"carrier {carrier.Name} added to the logistics library";
        await db.SaveChangesAsync(ct);
        return carrier.Id;
    }

    public async Task<IReadOnlyList<VehicleRow>> VehiclesAsync(Guid? carrierId = null, CancellationToken ct = default)
    {
        RequireRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = await db.Set<Carrier>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var today = Today;
        var q = db.Set<Vehicle>().AsNoTracking();
        if (carrierId is { } c) q = q.Where(v => v.CarrierId == c);
        return (await q.OrderBy(v => v.Plate).ToListAsync(ct)).Select(v => new VehicleRow(v.Id, v.CarrierId, names.GetValueOrDefault(v.CarrierId) ?? "", v.Plate, v.Kind, v.Emission,
            v.RatedLoad, v.PassNumber, v.PassFrom, v.PassUntil, v.PassNumber is not null && v.PassFrom <= today && v.PassUntil >= today, v.Version, v.DeactivatedOn is null)).ToList();
    }

    public async Task<Guid> AddVehicleAsync(VehicleInput input, CancellationToken ct = default)
    {
        RequireKeep();
        var errors = new ValidationErrors();
        var plate = CheckVehicle(input.Plate, input.Kind, input.Emission, input.RatedLoad, errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await CheckActiveCarrierAsync(db, input.CarrierId, errors, ct) && plate.Length > 0 && await db.Set<Vehicle>().AnyAsync(v => v.Plate == plate, ct))
            errors.Add("plate", l["Err_PlateTaken"]);
        errors.ThrowIfAny();
        var vehicle = new Vehicle { ZoneId = user.ZoneId!.Value, CarrierId = input.CarrierId, Plate = plate, Kind = input.Kind, Emission = input.Emission, RatedLoad = input.RatedLoad!.Value };
        db.Add(vehicle);
        db.AuditReason = $"vehicle {plate} added to the logistics library";
        await db.SaveChangesAsync(ct);
        return vehicle.Id;
    }

    public async Task<IReadOnlyList<DriverRow>> DriversAsync(Guid? carrierId = null, CancellationToken ct = default)
    {
        RequireRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = await db.Set<Carrier>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var q = db.Set<Driver>().AsNoTracking();
        if (carrierId is { } c) q = q.Where(d => d.CarrierId == c);
        // Keepers call drivers (name, phone); the full ID number only the departments that check licences (交警, Admin).
        var personal = MayKeep;
        var ids = MayPass;
        return (await q.OrderBy(d => d.CarrierId).ThenBy(d => d.Name).ToListAsync(ct)).Select(d => new DriverRow(d.Id, d.CarrierId, names.GetValueOrDefault(d.CarrierId) ?? "",
            personal ? d.Name : Masking.PersonName(d.Name), ids ? d.IdNumber : Masking.IdCard(d.IdNumber), personal ? d.Phone : Masking.Phone(d.Phone), d.LicenceClass,
            d.DeactivatedOn is null, d.Version)).ToList();
    }

    public async Task<Guid> AddDriverAsync(DriverInput input, CancellationToken ct = default)
    {
        RequireKeep();
        var errors = new ValidationErrors();
        var (name, cls) = CheckDriver(input.Name, input.LicenceClass, input.Phone, errors);
        var id = CheckIdNumber(input.IdNumber, errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CheckActiveCarrierAsync(db, input.CarrierId, errors, ct);
        errors.ThrowIfAny();
        var driver = new Driver { ZoneId = user.ZoneId!.Value, CarrierId = input.CarrierId, Name = name, IdNumber = id, Phone = input.Phone?.Trim(), LicenceClass = cls };
        db.Add(driver);
        db.AuditReason = "driver added to the logistics library";
        await db.SaveChangesAsync(ct);
        return driver.Id;
    }

    public async Task<IReadOnlyList<DemandRow>> DemandsAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        RequireRead();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var names = await db.Set<Carrier>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var q = db.Set<TransportDemand>().AsNoTracking();
        if (from is { } f) q = q.Where(d => d.To >= f);
        if (to is { } t) q = q.Where(d => d.From <= t);
        return (await q.OrderBy(d => d.From).ToListAsync(ct)).Select(d => new DemandRow(d.Id, d.CarrierId, names.GetValueOrDefault(d.CarrierId) ?? "", d.Title, d.Cargo,
            d.From, d.To, d.VehiclesNeeded, d.Route, d.PeakTag, d.Status, d.StatusNote, d.Version)).ToList();
    }

    public async Task<Guid> AddDemandAsync(DemandInput input, CancellationToken ct = default)
    {
        RequireKeep();
        var errors = new ValidationErrors();
        var title = CheckDemand(input.Title, input.Cargo, input.From, input.To, input.VehiclesNeeded, input.Route, input.PeakTag, errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CheckActiveCarrierAsync(db, input.CarrierId, errors, ct);
        errors.ThrowIfAny();
        var demand = new TransportDemand
        {
            ZoneId = user.ZoneId!.Value, CarrierId = input.CarrierId, Title = title, Cargo = input.Cargo?.Trim(), From = input.From, To = input.To,
            VehiclesNeeded = input.VehiclesNeeded, Route = input.Route?.Trim(), PeakTag = input.PeakTag?.Trim(), Status = DemandStatus.Open,
        };
        db.Add(demand);
        db.AuditReason = $"transport demand '{title}' listed";
        await db.SaveChangesAsync(ct);
        return demand.Id;
    }

    /// <summary>
    /// Issues a transport pass to a vehicle as an e-licence of its carrier (so it verifies like any certificate). The
    /// conditions are GA-XK-002's: 国六 or new energy (C1), rated load ≤ 18 t (C2), at most 90 days (C3); a refusal names
    /// the condition. A vehicle holds one pass at a time.
    /// </summary>
    public async Task<VehicleRow> IssuePassAsync(Guid vehicleId, PassInput input, CancellationToken ct = default)
    {
        if (!MayPass) throw new ForbiddenException(PassRule, l["Err_MayNotPass"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var vehicle = await db.Set<Vehicle>().FirstOrDefaultAsync(v => v.Id == vehicleId, ct) ?? throw new NotFoundException(l["Err_UnknownVehicle"]);
        var carrier = await db.Set<Carrier>().AsNoTracking().FirstAsync(c => c.Id == vehicle.CarrierId, ct);
        if (vehicle.DeactivatedOn is not null || carrier.DeactivatedOn is not null) throw new ConflictException("active", l["Err_PassInactive"]);
        var errors = new ValidationErrors();
        if (vehicle.Emission == Emission.China5) errors.Add("emission", l["Err_PassEmission"]);
        if (vehicle.RatedLoad > MaxLoad) errors.Add("ratedLoad", string.Format(CultureInfo.CurrentCulture, l["Err_PassLoad"], MaxLoad));
        if (input.Days is < 1 or > MaxPassDays) errors.Add("days", string.Format(CultureInfo.CurrentCulture, l["Err_PassDays"], MaxPassDays));
        if (input.From < Today) errors.Add("from", l["Err_PassPast"]);
        if (input.Route?.Trim().Length > 200) errors.Add("route", l["Err_TooLong"]);
        errors.ThrowIfAny();
        if (vehicle.PassNumber is not null && vehicle.PassUntil >= Today) throw new ConflictException("passNumber", l["Err_HasPass"]);

        var until = input.From.AddDays(input.Days - 1);
        var issued = await licences.IssueAsync(new LicenceIssue(PassType, carrier.CreditCode, carrier.Name, input.From, until,
            [new("车牌号码", vehicle.Plate), new("核定载质量", vehicle.RatedLoad.ToString("0.##", CultureInfo.InvariantCulture) + " 吨"), new("通行路线", input.Route?.Trim() is { Length: > 0 } r ? r : "城区")],
            // Once per vehicle state: a retry returns the same pass; after a revocation the version has moved, so a new one.
            string.Create(CultureInfo.InvariantCulture, $"PASS-{vehicle.Plate}-{input.From:yyyyMMdd}-v{vehicle.Version}")), ct);
        (vehicle.PassNumber, vehicle.PassFrom, vehicle.PassUntil) = (issued.Number, input.From, until);
        db.AuditReason = $"transport pass {issued.Number} for {vehicle.Plate}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Stale"]); }
        return (await VehiclesAsync(vehicle.CarrierId, ct)).First(v => v.Id == vehicle.Id);
    }

    /// <summary>Revokes the vehicle's pass in the licence library (it then verifies as revoked) and clears it from the vehicle.</summary>
    public async Task<VehicleRow> RevokePassAsync(Guid vehicleId, string? reason, CancellationToken ct = default)
    {
        if (!MayPass) throw new ForbiddenException(PassRule, l["Err_MayNotPass"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var vehicle = await db.Set<Vehicle>().FirstOrDefaultAsync(v => v.Id == vehicleId, ct) ?? throw new NotFoundException(l["Err_UnknownVehicle"]);
        if (vehicle.PassNumber is not { } number) throw new ConflictException("passNumber", l["Err_NoPass"]);
        try
        {
            await licenceService.RevokeAsync(number, reason, null, ct);
        }
        catch (ConflictException c) when (c.Field == "status")
        {
            // Already revoked in the licence library (by its keepers): the vehicle only has to let go of it.
        }
        (vehicle.PassNumber, vehicle.PassFrom, vehicle.PassUntil) = (null, null, null);
        db.AuditReason = $"transport pass {number} of {vehicle.Plate} revoked: {reason?.Trim()}";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Stale"]); }
        return (await VehiclesAsync(vehicle.CarrierId, ct)).First(v => v.Id == vehicle.Id);
    }

    /// <summary>
    /// The peak-season view (e.g. "双12"): per carrier, the vehicles its open demands overlapping the period ask for,
    /// against its vehicles whose pass covers the whole period; the biggest gap first.
    /// </summary>
    public async Task<IReadOnlyList<PeakRow>> PeakAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        RequireRead();
        if (to < from) throw new ValidationFailedException("to", l["Err_DatesOrder"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var carriers = await db.Set<Carrier>().AsNoTracking().Where(c => c.DeactivatedOn == null).ToListAsync(ct);
        var demands = await db.Set<TransportDemand>().AsNoTracking().Where(d => d.Status == DemandStatus.Open && d.From <= to && d.To >= from).ToListAsync(ct);
        var vehicles = await db.Set<Vehicle>().AsNoTracking().Where(v => v.DeactivatedOn == null).Select(v => new { v.CarrierId, Covers = v.PassNumber != null && v.PassFrom <= from && v.PassUntil >= to }).ToListAsync(ct);
        return carriers.Select(c =>
            {
                var own = demands.Where(d => d.CarrierId == c.Id).ToList();
                var needed = own.Sum(d => d.VehiclesNeeded);
                var covering = vehicles.Count(v => v.CarrierId == c.Id && v.Covers);
                return new PeakRow(c.Id, c.Name, needed, vehicles.Count(v => v.CarrierId == c.Id), covering, Math.Max(0, needed - covering), own.Select(d => d.Title).ToList());
            })
            .Where(r => r.VehiclesNeeded > 0).OrderByDescending(r => r.Gap).ThenBy(r => r.Carrier, StringComparer.Ordinal).ToList();
    }
}
