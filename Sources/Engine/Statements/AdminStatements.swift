import Catalog
import SQLSyntax

/// ADMIN SET/SHOW FRONTEND CONFIG and HELP.
struct AdminStatements: StatementFamily {
    let services: ClusterServices

    func setConfig(_ properties: [Property], _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        var checked: [(String, String)] = []
        for p in properties {
            guard let knob = FrontendConfig.knob(p.key) else { throw SQLError.general("Config '\(p.key)' does not exist") }
            try FrontendConfig.validate(p.value, for: knob)
            checked.append((knob.key, knob.kind == .bool || knob.choices != nil ? p.value.lowercased() : p.value))
        }
        let down = try checked.first { $0.0 == "fault_backends_down" }.map { _, value throws(SQLError) in
            try backendsDown(value, c.catalog)
        }
        try write { tx in
            for (key, value) in checked { try tx.setConfig(key, value) }
            if let down {
                // Taking a backend down is a catalog fact: loads, reads and jobs all see it.
                for var backend in tx.state.sortedBackends where backend.alive == down.contains(backend.id) {
                    backend.alive = !down.contains(backend.id)
                    try tx.save(backend)
                }
            }
        }
        logger.info("config changed: \(checked.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))")
        return ResultSet()
    }

    private func backendsDown(_ value: String, _ catalog: CatalogState) throws(SQLError) -> Set<ObjectID> {
        var ids: Set<ObjectID> = []
        for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let id = ObjectID(part), catalog.backends[id] != nil else {
                throw SQLError.general("fault_backends_down: '\(part)' is not a backend id (see SHOW BACKENDS)")
            }
            ids.insert(id)
        }
        return ids
    }

    func showConfig(like: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let pattern = like.map { LikePattern($0) }
        let rows: [[String?]] = FrontendConfig.knobs.filter { pattern?.matches($0.key) ?? true }.map { knob in
            [knob.key, c.catalog.config[knob.key] ?? knob.defaultValue, knob.kind.rawValue, "true", "true", knob.comment]
        }
        return ResultSet(columns: ["Key", "Value", "Type", "IsMutable", "MasterOnly", "Comment"], rows: rows)
    }

    func help(_ topic: String) -> ResultSet {
        let key = topic.trimmingCharacters(in: .whitespaces)
        if let text = HelpTopics.text(for: key.isEmpty ? "contents" : key) {
            return ResultSet(columns: ["name", "description"], rows: [[key.isEmpty ? "contents" : key.uppercased(), text]])
        }
        let matches = HelpTopics.topics.filter { $0.lowercased().contains(key.lowercased()) }
        if matches.isEmpty {
            return ResultSet(columns: ["name", "description"], rows: [[key, "Nothing found. Try HELP contents for the list of topics."]])
        }
        return ResultSet(columns: ["name", "is_it_category"], rows: matches.map { [$0, "N"] })
    }
}

import Foundation
