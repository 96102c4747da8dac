using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Codes.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;

namespace SmartIsland.Projects.Logistics;

/// <summary>Edits of a library row. <c>Version</c> is the row's version as read (If-Match on the API carries it instead).</summary>
public sealed record CarrierEdit(CarrierKind Kind, Guid? ParkId, string? Liaison, string? Reason = null, int? Version = null);
public sealed record VehicleEdit(string? Plate, VehicleKind Kind, Emission Emission, decimal? RatedLoad, string? Reason = null, int? Version = null);
/// <summary>An ID number left empty (or still masked as shown) keeps the one on file: roles that see it masked never send it back.</summary>
public sealed record DriverEdit(string? Name, string? IdNumber, string? Phone, string? LicenceClass, string? Reason = null, int? Version = null);
public sealed record DemandEdit(string? Title, string? Cargo, DateOnly From, DateOnly To, int VehiclesNeeded, string? Route, string? PeakTag, string? Reason = null, int? Version = null);
/// <summary>Deactivating or reactivating a row: the reason is required and goes to the audit log.</summary>
public sealed record ActiveChange(string? Reason, int? Version = null);
/// <summary>Open → Met or Withdrawn, and back to Open; the note says why and is shown beside the status.</summary>
public sealed record DemandStatusChange(DemandStatus Status, string? Note, int? Version = null);

/// <summary>
/// Keeping the libraries current: each row is edited under optimistic concurrency (a stale version is a 412, a write that
/// loses the race a 409), taken out of use rather than deleted (passes and demands keep pointing at it), and every change
/// is audited with its reason. A vehicle holding a live pass keeps its plate, emission and load and stays active until
/// 交警 revoke the pass: the pass was issued on those facts (GA-XK-002).
/// </summary>
public sealed partial class LogisticsService
{
    private const int ReasonLength = 200;

    public async Task<CarrierRow> UpdateCarrierAsync(Guid id, CarrierEdit input, int? ifMatch = null, CancellationToken ct = default)
    {
        RequireKeep();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var carrier = await db.Set<Carrier>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownCarrier"]);
        var errors = new ValidationErrors();
        var expected = ExpectedVersion(ifMatch, input.Version, errors);
        await CheckCarrierAsync(input.Kind, input.ParkId, input.Liaison, errors, ct);
        CheckReason(input.Reason, required: false, errors);
        errors.ThrowIfAny();
        Guard(carrier.Version, expected);
        (carrier.Kind, carrier.ParkId, carrier.Liaison) = (input.Kind, input.ParkId, Trimmed(input.Liaison));
        db.AuditReason = Because($"carrier {carrier.Name} edited", input.Reason);
        await SaveAsync(db, ct);
        return (await CarriersAsync(ct)).First(c => c.Id == id);
    }

    public async Task<VehicleRow> UpdateVehicleAsync(Guid id, VehicleEdit input, int? ifMatch = null, CancellationToken ct = default)
    {
        RequireKeep();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var vehicle = await db.Set<Vehicle>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownVehicle"]);
        var errors = new ValidationErrors();
        var expected = ExpectedVersion(ifMatch, input.Version, errors);
        var plate = CheckVehicle(input.Plate, input.Kind, input.Emission, input.RatedLoad, errors);
        CheckReason(input.Reason, required: false, errors);
        if (plate.Length > 0 && plate != vehicle.Plate && await db.Set<Vehicle>().AnyAsync(v => v.Plate == plate && v.Id != id, ct)) errors.Add("plate", l["Err_PlateTaken"]);
        errors.ThrowIfAny();
        Guard(vehicle.Version, expected);
        if (vehicle.HoldsLivePass(Today) && (plate != vehicle.Plate || input.Emission != vehicle.Emission || input.RatedLoad != vehicle.RatedLoad))
            throw new ConflictException("passNumber", l["Err_EditLivePass", vehicle.PassNumber!]);
        var before = vehicle.Plate;
        (vehicle.Plate, vehicle.Kind, vehicle.Emission, vehicle.RatedLoad) = (plate, input.Kind, input.Emission, input.RatedLoad!.Value);
        db.AuditReason = Because(before == plate ? $"vehicle {plate} edited" : $"vehicle {before} edited, now {plate}", input.Reason);
        await SaveAsync(db, ct);
        return (await VehiclesAsync(vehicle.CarrierId, ct)).First(v => v.Id == id);
    }

    public async Task<DriverRow> UpdateDriverAsync(Guid id, DriverEdit input, int? ifMatch = null, CancellationToken ct = default)
    {
        RequireKeep();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var driver = await db.Set<Driver>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownDriver"]);
        var errors = new ValidationErrors();
        var expected = ExpectedVersion(ifMatch, input.Version, errors);
        var (name, cls) = CheckDriver(input.Name, input.LicenceClass, input.Phone, errors);
        var keepId = string.IsNullOrWhiteSpace(input.IdNumber) || input.IdNumber.Contains('*', StringComparison.Ordinal);
        var idNumber = keepId ? driver.IdNumber : CheckIdNumber(input.IdNumber, errors);
        CheckReason(input.Reason, required: false, errors);
        errors.ThrowIfAny();
        Guard(driver.Version, expected);
        (driver.Name, driver.IdNumber, driver.Phone, driver.LicenceClass) = (name, idNumber, Trimmed(input.Phone), cls);
        // The audit log masks the personal fields itself; the reason names the row only by its id.
        db.AuditReason = Because("driver edited in the logistics library", input.Reason);
        await SaveAsync(db, ct);
        return (await DriversAsync(driver.CarrierId, ct)).First(d => d.Id == id);
    }

    public async Task<DemandRow> UpdateDemandAsync(Guid id, DemandEdit input, int? ifMatch = null, CancellationToken ct = default)
    {
        RequireKeep();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var demand = await db.Set<TransportDemand>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownDemand"]);
        var errors = new ValidationErrors();
        var expected = ExpectedVersion(ifMatch, input.Version, errors);
        var title = CheckDemand(input.Title, input.Cargo, input.From, input.To, input.VehiclesNeeded, input.Route, input.PeakTag, errors);
        CheckReason(input.Reason, required: false, errors);
        errors.ThrowIfAny();
        Guard(demand.Version, expected);
        (demand.Title, demand.Cargo, demand.From, demand.To, demand.VehiclesNeeded, demand.Route, demand.PeakTag) =
            (title, Trimmed(input.Cargo), input.From, input.To, input.VehiclesNeeded, Trimmed(input.Route), Trimmed(input.PeakTag));
        db.AuditReason = Because($"transport demand '{title}' edited", input.Reason);
        await SaveAsync(db, ct);
        return await DemandRowAsync(id, ct);
    }

    /// <summary>
    /// Open → Met (the vehicles were found) or Withdrawn (the carrier no longer needs them), and either back to Open; Met and
    /// Withdrawn do not turn into each other without reopening, so the log reads as the park worked it. The note is required.
    /// </summary>
    public async Task<DemandRow> ChangeDemandStatusAsync(Guid id, DemandStatusChange input, int? ifMatch = null, CancellationToken ct = default)
    {
        RequireKeep();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var demand = await db.Set<TransportDemand>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownDemand"]);
        var errors = new ValidationErrors();
        var expected = ExpectedVersion(ifMatch, input.Version, errors);
        if (!Enum.IsDefined(input.Status)) errors.Add("status", l["Err_Status"]);
        var note = input.Note?.Trim() ?? "";
        if (note.Length == 0) errors.Add("note", l["Err_NoteRequired"]);
        else if (note.Length > ReasonLength) errors.Add("note", l["Err_TooLong"]);
        errors.ThrowIfAny();
        Guard(demand.Version, expected);
        var allowed = demand.Status == DemandStatus.Open ? input.Status != DemandStatus.Open : input.Status == DemandStatus.Open;
        if (!allowed) throw new ConflictException("status", l["Err_StatusMove", l["DemandStatus_" + demand.Status], l["DemandStatus_" + input.Status]]);
        if (input.Status == DemandStatus.Open && await db.Set<Carrier>().AnyAsync(c => c.Id == demand.CarrierId && c.DeactivatedOn != null, ct))
            throw new ConflictException("carrierId", l["Err_CarrierInactive"]);
        var from = demand.Status;
        (demand.Status, demand.StatusNote) = (input.Status, note);
        db.AuditReason = $"transport demand '{demand.Title}' {from} → {input.Status}: {note}";
        await SaveAsync(db, ct);
        return await DemandRowAsync(id, ct);
    }

    /// <summary>
    /// Takes a carrier out of the library (<paramref name="active"/> false) or back in. Refused while any of its vehicles
    /// holds a live pass (named; 交警 revoke it first), or while it has open demands (mark them met or withdrawn first),
    /// else the peak view would lose them unseen. Its vehicles and drivers keep their own state.
    /// </summary>
    public async Task<CarrierRow> SetCarrierActiveAsync(Guid id, bool active, ActiveChange input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await ActiveChangeAsync(input, ifMatch, ct);
        var carrier = await db.Set<Carrier>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownCarrier"]);
        Guard(carrier.Version, ExpectedVersion(ifMatch, input.Version, new ValidationErrors()));
        var today = Today;
        if (carrier.DeactivatedOn is null != active)
        {
            if (!active)
            {
                var passes = await db.Set<Vehicle>().Where(v => v.CarrierId == id && v.PassNumber != null && v.PassUntil >= today).Select(v => v.PassNumber!).ToListAsync(ct);
                if (passes.Count > 0) throw new ConflictException("passNumber", l["Err_CarrierLivePasses", string.Join(l["ListSeparator"], passes)]);
                var open = await db.Set<TransportDemand>().Where(d => d.CarrierId == id && d.Status == DemandStatus.Open).Select(d => d.Title).ToListAsync(ct);
                if (open.Count > 0) throw new ConflictException("status", l["Err_CarrierOpenDemands", string.Join(l["ListSeparator"], open)]);
            }
            carrier.DeactivatedOn = active ? null : today;
            db.AuditReason = $"carrier {carrier.Name} {Verb(active)}: {input.Reason!.Trim()}";
            await SaveAsync(db, ct);
        }
        return (await CarriersAsync(ct)).First(c => c.Id == id);
    }

    /// <summary>A vehicle with a live pass stays in the library until 交警 revoke the pass (refused naming it); reactivating needs an active carrier.</summary>
    public async Task<VehicleRow> SetVehicleActiveAsync(Guid id, bool active, ActiveChange input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await ActiveChangeAsync(input, ifMatch, ct);
        var vehicle = await db.Set<Vehicle>().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownVehicle"]);
        Guard(vehicle.Version, ExpectedVersion(ifMatch, input.Version, new ValidationErrors()));
        if (vehicle.DeactivatedOn is null != active)
        {
            if (!active && vehicle.HoldsLivePass(Today))
                throw new ConflictException("passNumber", l["Err_VehicleLivePass", vehicle.PassNumber!, Day(vehicle.PassUntil!.Value)]);
            if (active) await RequireActiveCarrierAsync(db, vehicle.CarrierId, ct);
            vehicle.DeactivatedOn = active ? null : Today;
            db.AuditReason = $"vehicle {vehicle.Plate} {Verb(active)}: {input.Reason!.Trim()}";
            await SaveAsync(db, ct);
        }
        return (await VehiclesAsync(vehicle.CarrierId, ct)).First(v => v.Id == id);
    }

    /// <summary>Drivers hold no pass (passes are issued to vehicles), so nothing but an inactive carrier stops a change.</summary>
    public async Task<DriverRow> SetDriverActiveAsync(Guid id, bool active, ActiveChange input, int? ifMatch = null, CancellationToken ct = default)
    {
        await using var db = await ActiveChangeAsync(input, ifMatch, ct);
        var driver = await db.Set<Driver>().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(l["Err_UnknownDriver"]);
        Guard(driver.Version, ExpectedVersion(ifMatch, input.Version, new ValidationErrors()));
        if (driver.DeactivatedOn is null != active)
        {
            if (active) await RequireActiveCarrierAsync(db, driver.CarrierId, ct);
            driver.DeactivatedOn = active ? null : Today;
            db.AuditReason = $"driver {Verb(active)} in the logistics library: {input.Reason!.Trim()}";
            await SaveAsync(db, ct);
        }
        return (await DriversAsync(driver.CarrierId, ct)).First(d => d.Id == id);
    }

    /// <summary>The checks every (de)activation shares — keeper, version given, reason given — then a context to make it in.</summary>
    private async Task<PlatformDbContext> ActiveChangeAsync(ActiveChange input, int? ifMatch, CancellationToken ct)
    {
        RequireKeep();
        var errors = new ValidationErrors();
        ExpectedVersion(ifMatch, input.Version, errors);
        CheckReason(input.Reason, required: true, errors);
        errors.ThrowIfAny();
        return await dbs.CreateDbContextAsync(ct);
    }

    private static string Verb(bool active) => active ? "reactivated" : "deactivated";

    private async Task<DemandRow> DemandRowAsync(Guid id, CancellationToken ct) => (await DemandsAsync(null, null, ct)).First(d => d.Id == id);

    /// <summary>The version the writer read — If-Match, else the body's; a write without one is refused naming If-Match.</summary>
    private int ExpectedVersion(int? ifMatch, int? body, ValidationErrors errors)
    {
        if ((ifMatch ?? body) is { } v) return v;
        errors.Add("If-Match", l["Err_VersionRequired"]);
        return -1;
    }

    private void Guard(int current, int expected)
    {
        if (current != expected) throw new PreconditionFailedException(l["Err_Stale"]);
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Stale"]); }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e)) { throw new ValidationFailedException("plate", l["Err_PlateTaken"]); }
    }

    private async Task CheckCarrierAsync(CarrierKind kind, Guid? parkId, string? liaison, ValidationErrors errors, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) errors.Add("kind", l["Err_Kind"]);
        if (parkId is { } park && (await organisation.ParksAsync(ct)).All(p => p.Id != park)) errors.Add("parkId", l["Err_UnknownPark"]);
        if (liaison?.Trim().Length > 64) errors.Add("liaison", l["Err_TooLong"]);
    }

    /// <summary>True when the carrier is in the library and active; otherwise the refusal is added under carrierId.</summary>
    private async Task<bool> CheckActiveCarrierAsync(PlatformDbContext db, Guid carrierId, ValidationErrors errors, CancellationToken ct)
    {
        var carrier = await db.Set<Carrier>().AsNoTracking().Where(c => c.Id == carrierId).Select(c => new { c.DeactivatedOn }).FirstOrDefaultAsync(ct);
        if (carrier is null) errors.Add("carrierId", l["Err_UnknownCarrier"]);
        else if (carrier.DeactivatedOn is not null) errors.Add("carrierId", l["Err_CarrierInactive"]);
        return carrier is { DeactivatedOn: null };
    }

    private async Task RequireActiveCarrierAsync(PlatformDbContext db, Guid carrierId, CancellationToken ct)
    {
        if (await db.Set<Carrier>().AnyAsync(c => c.Id == carrierId && c.DeactivatedOn != null, ct)) throw new ConflictException("carrierId", l["Err_CarrierInactive"]);
    }

    /// <summary>The plate as stored (upper case, no "·"), or "" when it is not a plate; the other refusals are added per field.</summary>
    private string CheckVehicle(string? plateInput, VehicleKind kind, Emission emission, decimal? ratedLoad, ValidationErrors errors)
    {
        var plate = plateInput?.Trim().ToUpperInvariant().Replace("·", "", StringComparison.Ordinal) ?? "";
        if (!PlatePattern().IsMatch(plate))
        {
            errors.Add("plate", l["Err_Plate"]);
            plate = "";
        }
        if (!Enum.IsDefined(kind)) errors.Add("kind", l["Err_Kind"]);
        if (!Enum.IsDefined(emission)) errors.Add("emission", l["Err_Emission"]);
        if (ratedLoad is not > 0 || ratedLoad > 100) errors.Add("ratedLoad", l["Err_Load"]);
        return plate;
    }

    private (string Name, string LicenceClass) CheckDriver(string? nameInput, string? licenceClass, string? phone, ValidationErrors errors)
    {
        var name = nameInput?.Trim() ?? "";
        if (name.Length is 0 or > 64) errors.Add("name", l["Err_Name"]);
        if (phone is { Length: > 0 } p && !PhoneNumbers.IsPlausible(p)) errors.Add("phone", l["Err_Phone"]);
        var cls = licenceClass?.Trim().ToUpperInvariant() ?? "";
        // 准驾车型 of GB 1589 trucks and vans (公安部令第 162 号, 机动车驾驶证申领和使用规定 附件 1).
        if (cls is not ("A1" or "A2" or "B1" or "B2" or "C1" or "C2")) errors.Add("licenceClass", l["Err_LicenceClass"]);
        return (name, cls);
    }

    private string CheckIdNumber(string? input, ValidationErrors errors)
    {
        var id = input?.Trim().ToUpperInvariant() ?? "";
        if (!IdCardNumber.Check(id, Today).Valid) errors.Add("idNumber", l["Err_IdNumber"]);
        return id;
    }

    private string CheckDemand(string? titleInput, string? cargo, DateOnly from, DateOnly to, int vehiclesNeeded, string? route, string? peakTag, ValidationErrors errors)
    {
        var title = titleInput?.Trim() ?? "";
        if (title.Length is 0 or > 100) errors.Add("title", l["Err_Title"]);
        if (to < from) errors.Add("to", l["Err_DatesOrder"]);
        if (vehiclesNeeded is < 1 or > 10_000) errors.Add("vehiclesNeeded", l["Err_Vehicles"]);
        if (cargo?.Trim().Length > 100) errors.Add("cargo", l["Err_TooLong"]);
        if (route?.Trim().Length > 200) errors.Add("route", l["Err_TooLong"]);
        if (peakTag?.Trim().Length > 32) errors.Add("peakTag", l["Err_TooLong"]);
        return title;
    }

    private void CheckReason(string? reason, bool required, ValidationErrors errors)
    {
        var r = reason?.Trim() ?? "";
        if (required && r.Length == 0) errors.Add("reason", l["Err_ReasonRequired"]);
        else if (r.Length > ReasonLength) errors.Add("reason", l["Err_TooLong"]);
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Because(string what, string? reason) => string.IsNullOrWhiteSpace(reason) ? what : $"{what} — {reason.Trim()}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
