/// The table `cares config show` prints.
struct ConfigReport {
    let config: CaresConfig

    var text: String {
        var rows = [["SETTING", "VALUE", "FROM"]]
        rows.append(["modules", config.modules.value, config.modules.source.description])
        rows.append(["database", CaresConfig.masked(config.database.value), config.database.source.description])
        rows.append(["site", config.site?.value ?? "(site.yaml in the modules folder)", config.site?.source.description ?? "built-in"])
        rows.append([
            "xapi_home_page", config.xapiHomePage?.value ?? "(site.yaml's xapi.home_page)",
            config.xapiHomePage?.source.description ?? "site file",
        ])
        rows.append(["remember_learner", config.rememberLearner.value, config.rememberLearner.source.description])
        rows.append(["lrs.endpoint", config.lrsEndpoint.map { CaresConfig.masked($0.value) } ?? "(not set)", config.lrsEndpoint?.source.description ?? ""])
        rows.append(["lrs.username", config.lrsUsername?.value ?? "(not set)", config.lrsUsername?.source.description ?? ""])
        rows.append(["lrs.password", config.lrsPassword == nil ? "(not set)" : "***", config.lrsPassword?.source.description ?? ""])
        var lines = ModuleListing.align(rows)
        lines.append("")
        lines.append("Config files: \(CaresConfig.userFile) (user), \(CaresConfig.systemFile) (system)")
        return lines.joined(separator: "\n")
    }
}
