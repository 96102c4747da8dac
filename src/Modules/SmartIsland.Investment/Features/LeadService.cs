using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Features;
using SmartIsland.Investment.Domain;
using SmartIsland.Investment.Resources;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Features;

namespace SmartIsland.Investment.Features;

/// <summary>
/// 招商线索: register, edit, move through the stages, note, and turn a signed lead into a key project. Every write keeps a
/// history line (who, when, why) and goes through the audited context.
/// </summary>
public sealed partial class LeadService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IEnterpriseDirectory enterprises,
    IOrganisationDirectory organisation, IProjectRegistry projects, IStringLocalizer<InvestmentStrings> l)
{
    public const decimal MaxAmount = 100_000_000m; // 万元: one trillion yuan, far above any real project

    /// <summary>A claimed conversion older than this was abandoned (the process died between the two writes).</summary>
    private static readonly TimeSpan ConversionClaim = TimeSpan.FromMinutes(2);

    [GeneratedRegex("^[A-T]\\d{2}(\\d{1,2})?$")]
    private static partial Regex IndustryPattern();

    public async Task<IReadOnlyList<LeadListItem>> ListAsync(LeadQuery query, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Lead>().AsNoTracking();
        if (query.Stage is { } stage) q = q.Where(x => x.Stage == stage);
        if (query.OwnerUserId is { } owner) q = q.Where(x => x.OwnerUserId == owner);
        if (query.Source is { } source) q = q.Where(x => x.Source == source);
        if (InvestmentAccess.Trimmed(query.Industry)?.ToUpperInvariant() is { } industry) q = q.Where(x => x.IndustryCode.StartsWith(industry));
        if (InvestmentAccess.Trimmed(query.Search) is { } text) q = q.Where(x => x.InvestorName.Contains(text) || x.ProjectName.Contains(text) || x.Code.Contains(text));
        var rows = await q.OrderBy(x => x.NextActionOn == null).ThenBy(x => x.NextActionOn).ThenBy(x => x.Code).ToListAsync(ct);
        var today = InvestmentAccess.Today(time);
        return rows.Select(x => new LeadListItem(x.Id, x.Code, x.InvestorName, x.ProjectName, x.Source, x.SourceEnterpriseName, x.ChainDirection,
            x.IndustryCode, x.IntendedAmount, x.NeedKind, x.NeedArea, x.Stage, x.OwnerUserId, x.OwnerName, x.NextAction, x.NextActionOn,
            Overdue(x, today), x.ProjectId, x.ProjectCode, x.Version)).ToList();
    }

    public async Task<LeadView> GetAsync(Guid id, CancellationToken ct = default)
    {
        InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await db.Set<Lead>().AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id, ct)
                   ?? throw new NotFoundException(l["Err_LeadNotFound"]);
        return await ViewAsync(lead, ct);
    }

    public async Task<IReadOnlyList<StaffOption>> StaffAsync(CancellationToken ct = default)
    {
        var zone = InvestmentAccess.DemandRead(user, l["Err_MayNotRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await InvestmentAccess.StaffAsync(db, zone, ct);
    }

    public async Task<LeadView> CreateAsync(LeadInput input, CancellationToken ct = default)
    {
        var zone = InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var lead = new Lead { ZoneId = zone, Stage = LeadStage.Lead, CreatedAt = now, UpdatedAt = now };
        await ApplyAsync(db, lead, input with { OwnerUserId = input.OwnerUserId ?? user.UserId }, isNew: true, ct);
        lead.Code = await NextCodeAsync(db, InvestmentAccess.Today(time).Year, ct);
        db.Add(lead);
        db.Add(Event(lead, LeadEventKind.Created, null, LeadStage.Lead, InvestmentAccess.Trimmed(input.Note), now));
        db.AuditReason = $"lead {lead.Code} registered";
        await db.SaveChangesAsync(ct);
        return await GetAsync(lead.Id, ct);
    }

    public async Task<LeadView> UpdateAsync(Guid id, LeadInput input, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await LoadForWriteAsync(db, id, expectedVersion, ct);
        var ownerBefore = lead.OwnerUserId;
        await ApplyAsync(db, lead, input with { OwnerUserId = input.OwnerUserId ?? lead.OwnerUserId }, isNew: false, ct);
        var now = time.GetUtcNow();
        lead.UpdatedAt = now;
        var note = InvestmentAccess.Trimmed(input.Note);
        db.Add(Event(lead, ownerBefore != lead.OwnerUserId ? LeadEventKind.OwnerChanged : LeadEventKind.Edited, null, null,
            ownerBefore != lead.OwnerUserId ? Join(lead.OwnerName, note) : note, now));
        db.AuditReason = note ?? $"lead {lead.Code} edited";
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    public async Task<LeadView> ChangeStageAsync(Guid id, StageChange change, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        var errors = new ValidationErrors();
        if (change.Stage is not { } to || !Enum.IsDefined(to)) errors.Add("stage", l["Err_Stage"]);
        var note = InvestmentAccess.Trimmed(change.Note);
        if (note is null) errors.Add("note", l["Err_NoteRequired"]);
        else if (note.Length > 500) errors.Add("note", l["Err_TooLong"]);
        errors.ThrowIfAny();
        var target = change.Stage!.Value;

        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await LoadForWriteAsync(db, id, expectedVersion, ct);
        var from = lead.Stage;
        if (!LeadStages.NextOf(from).Contains(target)) throw new ConflictException("stage", l["Err_Transition", l["Stage_" + from], l["Stage_" + target]]);
        if (target == LeadStage.Landed && lead.ProjectId is null) throw new ConflictException("stage", l["Err_LandWithoutProject"]);
        if (target == LeadStage.Dropped && lead.ProjectId is not null) throw new ConflictException("stage", l["Err_DropConverted"]);

        var today = InvestmentAccess.Today(time);
        lead.Stage = target;
        lead.DroppedReason = target == LeadStage.Dropped ? note : null;
        if (target == LeadStage.Signed) lead.SignedOn = today;
        if (target == LeadStage.Landed) lead.LandedOn = today;
        if (!LeadStages.IsOpen(target)) { lead.NextAction = null; lead.NextActionOn = null; }
        var now = time.GetUtcNow();
        lead.UpdatedAt = now;
        db.Add(Event(lead, LeadEventKind.StageChanged, from, target, note, now));
        db.AuditReason = $"lead {lead.Code}: {from} → {target}: {note}";
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    public async Task<LeadView> AddNoteAsync(Guid id, NoteInput input, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        var text = InvestmentAccess.Trimmed(input.Text);
        if (text is null) throw new ValidationFailedException("text", l["Err_NoteRequired"]);
        if (text.Length > 1000) throw new ValidationFailedException("text", l["Err_TooLong"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await LoadForWriteAsync(db, id, expectedVersion, ct, appendOnly: true);
        var now = time.GetUtcNow();
        lead.UpdatedAt = now; // a note moves the version too, so a board showing the old history knows it is stale
        db.Add(Event(lead, LeadEventKind.Note, null, null, text, now));
        db.AuditReason = $"lead {lead.Code}: note";
        await SaveAsync(db, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// A signed lead becomes a key project in one step (IProjectRegistry.CreateAsync with SourceLeadId). The lead is claimed
    /// first, so a second click or a second node gets a 409 rather than a second project; the lead keeps its stage (落地 is
    /// its own step when the project starts) and its whole history, with the conversion as one more line.
    /// </summary>
    public async Task<LeadView> ConvertAsync(Guid id, ConversionInput input, int? expectedVersion, CancellationToken ct = default)
    {
        InvestmentAccess.DemandEdit(user, l["Err_MayNotEdit"]);
        var errors = new ValidationErrors();
        if (input.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", l["Err_Level"]);
        if (input.Category is not { } category || !Enum.IsDefined(category)) errors.Add("category", l["Err_Category"]);
        errors.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await LoadForWriteAsync(db, id, expectedVersion, ct);
        var now = time.GetUtcNow();
        if (lead.ProjectId is not null) throw new ConflictException("projectId", l["Err_AlreadyConverted", lead.ProjectCode ?? ""]);
        if (lead.ConvertingSince is { } since && now - since < ConversionClaim) throw new ConflictException("projectId", l["Err_Converting"]);
        if (lead.Stage != LeadStage.Signed) throw new ConflictException("stage", l["Err_ConvertOnlySigned"]);

        lead.ConvertingSince = now;
        db.AuditReason = $"lead {lead.Code}: conversion to a project started";
        await SaveAsync(db, ct);

        ProjectRef project;
        try
        {
            project = await projects.CreateAsync(new NewProject(
                InvestmentAccess.Trimmed(input.Name) ?? lead.ProjectName, input.Level!.Value, input.Category!.Value, lead.ParkId, input.OwnerEnterpriseId,
                lead.InvestorName, lead.IntendedAmount, lead.SignedOn ?? InvestmentAccess.Today(time), InvestmentAccess.Trimmed(input.ResponsibleLeader),
                $"招商线索 {lead.Code}: {lead.InvestorName}", SourceLeadId: lead.Id), ct);
        }
        catch
        {
            lead.ConvertingSince = null;
            db.AuditReason = $"lead {lead.Code}: conversion to a project refused";
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        lead.ProjectId = project.Id;
        lead.ProjectCode = project.Code;
        lead.ConvertingSince = null;
        lead.UpdatedAt = time.GetUtcNow();
        db.Add(Event(lead, LeadEventKind.ConvertedToProject, lead.Stage, lead.Stage, $"{project.Code} {project.Name}", lead.UpdatedAt));
        db.AuditReason = $"lead {lead.Code} became project {project.Code}";
        await db.SaveChangesAsync(CancellationToken.None); // the project exists now: record it even if the caller gave up
        return await GetAsync(id, ct);
    }

    private async Task<Lead> LoadForWriteAsync(PlatformDbContext db, Guid id, int? expectedVersion, CancellationToken ct, bool appendOnly = false)
    {
        var lead = await db.Set<Lead>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["Err_LeadNotFound"]);
        // A note only adds a line (nothing is overwritten), so it may be sent without the version read.
        if (expectedVersion is not null || !appendOnly) InvestmentAccess.CheckVersion(expectedVersion, lead.Version, l["Err_VersionRequired"], l["Err_Stale"]);
        return lead;
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("version", l["Err_Concurrent"]); }
    }

    /// <summary>Validates every field at once (400 naming each) and copies the input onto the lead.</summary>
    private async Task ApplyAsync(PlatformDbContext db, Lead lead, LeadInput input, bool isNew, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var investor = InvestmentAccess.Trimmed(input.InvestorName);
        if (investor is null) errors.Add("investorName", l["Err_Required"]);
        else if (investor.Length > 200) errors.Add("investorName", l["Err_TooLong"]);
        var projectName = InvestmentAccess.Trimmed(input.ProjectName);
        if (projectName is null) errors.Add("projectName", l["Err_Required"]);
        else if (projectName.Length > 200) errors.Add("projectName", l["Err_TooLong"]);
        if (input.Source is not { } source || !Enum.IsDefined(source)) errors.Add("source", l["Err_Source"]);
        var industry = InvestmentAccess.Trimmed(input.IndustryCode)?.ToUpperInvariant();
        if (industry is null || !IndustryPattern().IsMatch(industry)) errors.Add("industryCode", l["Err_Industry"]);
        if (input.IntendedAmount is not { } amount) errors.Add("intendedAmount", l["Err_Required"]);
        else if (amount < 0) errors.Add("intendedAmount", l["Err_NegativeAmount"]);
        else if (amount > MaxAmount) errors.Add("intendedAmount", l["Err_AmountTooLarge"]);
        if (input.NeedKind is { } kind && !Enum.IsDefined(kind)) errors.Add("needKind", l["Err_Kind"]);
        if (input.NeedArea is { } area && (area <= 0 || area > 100_000_000m)) errors.Add("needArea", l["Err_Area"]);
        if (input.NeedArea is not null && input.NeedKind is null) errors.Add("needKind", l["Err_KindForArea"]);
        if (input.ParkId is { } park && (await organisation.ParksAsync(ct)).All(p => p.Id != park)) errors.Add("parkId", l["Err_UnknownPark"]);
        if (input.ContactName?.Trim().Length > 64) errors.Add("contactName", l["Err_TooLong"]);
        if (input.ContactPhone?.Trim().Length > 32) errors.Add("contactPhone", l["Err_TooLong"]);
        if (input.SourceNote?.Trim().Length > 500) errors.Add("sourceNote", l["Err_TooLong"]);
        if (input.Note?.Trim().Length > 500) errors.Add("note", l["Err_TooLong"]);
        var nextAction = InvestmentAccess.Trimmed(input.NextAction);
        if (nextAction?.Length > 200) errors.Add("nextAction", l["Err_TooLong"]);
        if (input.NextActionOn is { } on && (isNew || on != lead.NextActionOn) && on < InvestmentAccess.Today(time))
            errors.Add("nextActionOn", l["Err_NextActionPast"]);
        if (input.NextActionOn is not null && nextAction is null) errors.Add("nextAction", l["Err_NextActionText"]);

        // 链上招商: the source enterprise must be one of this zone's registry, and the side of its chain is said.
        EnterpriseRef? sourceEnterprise = null;
        if (input.Source == LeadSource.ChainLead)
        {
            if (input.SourceEnterpriseId is not { } eid) errors.Add("sourceEnterpriseId", l["Err_ChainEnterpriseRequired"]);
            else if ((sourceEnterprise = await enterprises.FindAsync(eid, ct)) is null || sourceEnterprise.ZoneId != lead.ZoneId)
                errors.Add("sourceEnterpriseId", l["Err_UnknownEnterprise"]);
            if (input.ChainDirection is not { } dir || !Enum.IsDefined(dir)) errors.Add("chainDirection", l["Err_ChainDirection"]);
        }
        else if (input.SourceEnterpriseId is not null || input.ChainDirection is not null)
        {
            errors.Add("sourceEnterpriseId", l["Err_ChainOnly"]);
        }

        string? ownerName = null;
        if (input.OwnerUserId is not { } ownerId) errors.Add("ownerUserId", l["Err_Required"]);
        else if ((await InvestmentAccess.StaffAsync(db, lead.ZoneId, ct)).FirstOrDefault(s => s.Id == ownerId) is not { } owner) errors.Add("ownerUserId", l["Err_UnknownOwner"]);
        else ownerName = owner.Name;
        errors.ThrowIfAny();

        lead.InvestorName = investor!;
        lead.ProjectName = projectName!;
        lead.Source = input.Source!.Value;
        lead.SourceEnterpriseId = sourceEnterprise?.Id;
        lead.SourceEnterpriseName = sourceEnterprise?.Name;
        lead.ChainDirection = sourceEnterprise is null ? null : input.ChainDirection;
        lead.SourceNote = InvestmentAccess.Trimmed(input.SourceNote);
        lead.IndustryCode = industry!;
        lead.IntendedAmount = input.IntendedAmount!.Value;
        lead.NeedKind = input.NeedKind;
        lead.NeedArea = input.NeedArea;
        lead.ParkId = input.ParkId;
        lead.ContactName = InvestmentAccess.Trimmed(input.ContactName);
        lead.ContactPhone = InvestmentAccess.Trimmed(input.ContactPhone);
        lead.OwnerUserId = input.OwnerUserId!.Value;
        lead.OwnerName = ownerName!;
        lead.NextAction = nextAction;
        lead.NextActionOn = input.NextActionOn;
    }

    private async Task<LeadView> ViewAsync(Lead x, CancellationToken ct)
    {
        var parkName = x.ParkId is { } p ? (await organisation.ParksAsync(ct)).FirstOrDefault(u => u.Id == p)?.Name : null;
        var canEdit = InvestmentAccess.CanEdit(user);
        // Officers read leads to help; the investor's contact is for those who keep the lead.
        var contactName = canEdit ? x.ContactName : Masked(x.ContactName, Masking.PersonName);
        var contactPhone = canEdit ? x.ContactPhone : Masked(x.ContactPhone, Masking.Phone);
        var history = x.History.OrderBy(e => e.At).ThenBy(e => e.Kind)
            .Select(e => new LeadEventView(e.Kind, e.FromStage, e.ToStage, e.Text, e.ActorName, e.At.ToOffset(InvestmentAccess.ChinaOffset))).ToList();
        return new LeadView(x.Id, x.Code, x.InvestorName, x.ProjectName, x.Source, x.SourceEnterpriseId, x.SourceEnterpriseName, x.ChainDirection, x.SourceNote,
            x.IndustryCode, x.IntendedAmount, x.NeedKind, x.NeedArea, x.ParkId, parkName, contactName, contactPhone, x.Stage, x.DroppedReason, x.SignedOn,
            x.LandedOn, x.OwnerUserId, x.OwnerName, x.NextAction, x.NextActionOn, Overdue(x, InvestmentAccess.Today(time)), x.ProjectId, x.ProjectCode,
            x.CreatedAt.ToOffset(InvestmentAccess.ChinaOffset), x.Version, history, canEdit);
    }

    private static string? Masked(string? value, Func<string?, string> mask) => value is null ? null : mask(value);

    private static bool Overdue(Lead x, DateOnly today) => LeadStages.IsOpen(x.Stage) && x.NextActionOn is { } on && on < today;

    private LeadEvent Event(Lead lead, LeadEventKind kind, LeadStage? from, LeadStage? to, string? text, DateTimeOffset at) => new()
    {
        ZoneId = lead.ZoneId, LeadId = lead.Id, Kind = kind, FromStage = from, ToStage = to, Text = text, At = at,
        ActorUserId = user.UserId, ActorName = user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName ?? "",
    };

    private static string Join(string a, string? b) => b is null ? a : $"{a}: {b}";

    /// <summary>ZS + year + a three-digit serial within the zone and year (ZS2026-014).</summary>
    private static async Task<string> NextCodeAsync(PlatformDbContext db, int year, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"ZS{year}-");
        var taken = await db.Set<Lead>().Where(x => x.Code.StartsWith(prefix)).Select(x => x.Code).ToListAsync(ct);
        var next = taken.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return prefix + next.ToString("D3", CultureInfo.InvariantCulture);
    }
}
