import Domain

// JSON Schemas of Domain's wire types. Keep them in step with the types' Codable conformances in
// Packages/Domain: the golden tests in ContractsTests decode, re-encode and validate every fixture.

extension CampaignID: SchemaDescribed {
    public static var jsonSchema: JSONSchema { JSONSchema.string(minLength: 1).described("Campaign id") }
}

extension UserID: SchemaDescribed {
    public static var jsonSchema: JSONSchema { JSONSchema.string(minLength: 1).described("User id") }
}

extension Role: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        JSONSchema.string(pattern: "^[a-z][a-z0-9_]*$").described("Role name, snake_case")
    }
}

extension Objective: SchemaDescribed {}
extension CampaignType: SchemaDescribed {}
extension Channel: SchemaDescribed {}
extension AssetFormat: SchemaDescribed {}
extension MVPField: SchemaDescribed {}
extension CampaignStage: SchemaDescribed {}

extension Day: SchemaDescribed {
    public static var jsonSchema: JSONSchema { JSONSchema.string(format: .date).described("Calendar day, YYYY-MM-DD") }
}

extension Money: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(required: [
            "amount_minor": JSONSchema.integer().described("Amount in minor units (cents)"),
            "currency": JSONSchema.string(pattern: "^[A-Z]{3}$").described("ISO 4217 code"),
        ])
    }
}

extension PixelSize: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(required: ["width": .integer(minimum: 1), "height": .integer(minimum: 1)])
    }
}

extension AssetNeed: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(required: [
            "channel": Channel.jsonSchema, "format": AssetFormat.jsonSchema, "size": PixelSize.jsonSchema,
        ])
    }
}

extension SWOT: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        let list = JSONSchema.array(of: .string())
        return JSONSchema.object(required: [
            "strengths": list, "weaknesses": list, "opportunities": list, "threats": list,
        ])
    }
}

extension Milestone: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(required: ["name": .string(minLength: 1), "due": Day.jsonSchema])
    }
}

extension Brief: SchemaDescribed {
    /// Every member is optional so an incomplete brief still travels; triage lists what is missing.
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(
            required: [:],
            optional: [
                "goal": .string(), "audience": .string(), "key_message": .string(),
                "channels": .array(of: Channel.jsonSchema), "budget": Money.jsonSchema,
                "launch_date": Day.jsonSchema, "swot": SWOT.jsonSchema,
            ])
    }
}

extension CampaignRequest: SchemaDescribed {
    /// Only `title`, `requester` and `type` are required; triage decides whether the rest is enough.
    public static var jsonSchema: JSONSchema {
        JSONSchema.object(
            required: ["title": .string(), "requester": UserID.jsonSchema, "type": CampaignType.jsonSchema],
            optional: [
                "objective": Objective.jsonSchema, "brief": Brief.jsonSchema, "outline": .string(),
                "asset_needs": .array(of: AssetNeed.jsonSchema), "timeline": .array(of: Milestone.jsonSchema),
            ])
    }
}
