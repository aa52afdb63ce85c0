/// The comments of the generated config file: a header, and one block per section saying what it holds.
enum ConfigComments {
    static let header = """
        # Marquee rules: the production line's roles and people, MVP fields, approval matrix, SLAs, business
        # calendar, channel asset specs, escalation routes and warning thresholds, in one file.
        #
        # This is the complete built-in default (`marquee config default` prints it). A file may override only
        # what it needs: a section left out is taken whole from the default; within a section nothing is
        # merged (a `people` list is the whole team). Unknown keys are errors, so typos are never ignored.
        # Check a file with `marquee config check FILE`: it reports every problem as `path: sentence`.
        #
        # Durations are business time: "4h" and "30m" count open hours only; "1d" is the next working day at
        # the same working time (not 24 hours). Money is in minor units (cents) of an ISO 4217 currency.

        """

    static func comment(for section: ConfigSection) -> String {
        switch section {
        case .roles:
            """
            # roles: every role the rules may name, snake_case. Everything below must use one of these.

            """
        case .people:
            """
            # people: the team. `id` is unique, `roles` lists roles from above; `email` is optional.
            # Approvers and QA reviewers must hold the role they act in.

            """
        case .mvp:
            """
            # mvp: the minimum viable request per campaign type (product_launch, event, seasonal, other):
            # `fields` a request must provide, in the order missing ones are reported (title, objective, goal,
            # audience, key_message, channels, budget, launch_date, outline, asset_needs, timeline, swot), and
            # the role a complete request is assigned to. A type left out needs title, objective, goal,
            # audience, key_message, channels and launch_date.

            """
        case .approvals:
            """
            # approvals: the approval matrix, ordered steps per campaign type (every type needs a route).
            # `step` is unique in its route and `role` signs off. Optional: `when` (channels_any: [...],
            # budget_at_least: {amount_minor, currency}) limits the step to some campaigns;
            # `parallel_with_previous: true` runs it alongside the step before; `distinct_from_requester`
            # (default true) bars the requester from signing; `turnaround` overrides the approval SLA.

            """
        case .slas:
            """
            # slas: for every step of the line, the owner role and the turnaround in business time.

            """
        case .calendar:
            """
            # calendar: when the team works. `time_zone` is an IANA name; `opens`/`closes` are HH:MM wall-clock
            # times on each working day (closes after opens); `holidays` are YYYY-MM-DD days off.

            """
        case .channelSpecs:
            """
            # channel_specs: what each channel accepts for assets: `formats` (png, jpg, gif, svg, mp4, html,
            # pdf), `sizes` in pixels (none listed: any size) and optionally `max_bytes`.

            """
        case .escalations:
            """
            # escalations: who is told when something goes wrong, for every reason (delayed_approval,
            # missing_template, budget_issue, sla_breach): `notify` is a role or document_owner;
            # `raise_flag` flags the campaign, `log_request` logs a request to the one told.

            """
        case .warnings:
            """
            # warnings: when a pattern becomes a warning sign: copy-edit rounds after the requester approved,
            # edits after QA passed, and business time in one stage that counts as a long hold.

            """
        case .launch:
            """
            # launch: the time of day an approved campaign goes live on its brief's launch date (calendar
            # time zone), and the calendar days it is monitored before it closes.

            """
        }
    }
}
