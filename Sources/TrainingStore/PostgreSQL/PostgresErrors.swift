import Foundation
import PostgresNIO

extension PostgresStore {
    /// `error` as a `StoreError` naming the server when a person can act on it.
    ///
    /// Errors the transaction wrapper adds are unwrapped first. Deadlocks and serialization
    /// failures stay as they are, so `write` can run the transaction again.
    static func storeError(_ error: any Error, location: PostgresLocation) -> any Error {
        if let error = error as? PostgresTransactionError {
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            return inner.map { storeError($0, location: location) } ?? unavailable("the transaction failed", location)
        }
        if error is StoreError || isConflict(error) { return error }
        if let error = error as? MalformedValue {
            return StoreError.corrupt(
                "the record store \(location) holds a malformed \(error.what); check that no other program writes to its tables")
        }
        if let error = error as? PSQLError {
            if error.code == .server { return serverError(error, location: location) }
            return connectionError(error, location: location)
        }
        if error is PostgresDecodingError {
            return StoreError.corrupt(
                "the database \(location) holds a value this cares cannot read (\(error)); "
                    + "check that no other program writes to its tables")
        }
        if error is CancellationError { return error }
        // The pool tried to connect for a minute and the server kept refusing (full, or starting up).
        if "\(error)".contains("CircuitBreakerTripped") { return busyError(error, location: location) }
        // The pool's own errors (its type is not public): it gave up reconnecting, or was shut down.
        return unavailable(
            "lost the connection to the database server (\(error)); check the network and that the server "
                + "is running — answers given before this are saved", location)
    }

    /// Whether the server aborted a transaction for a deadlock or a serialization failure (worth retrying).
    static func isConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server else { return false }
        let state = error.serverInfo?[.sqlState] ?? ""
        return state == "40001" || state == "40P01"
    }

    /// A failure to connect or to log in, with the cause and what to check.
    static func connectionError(_ error: any Error, location: PostgresLocation) -> any Error {
        if error is StoreError { return error }
        guard let error = error as? PSQLError else {
            return unavailable("cannot connect: \(error); check the host, the port and that the server is running", location)
        }
        if error.code == .server { return serverError(error, location: location) }
        switch error.code {
        case .sslUnsupported:
            return unavailable(
                "the server does not accept TLS connections; enable ssl on the server, "
                    + "or (on a trusted network only) use sslmode=prefer or sslmode=disable", location)
        case .authMechanismRequiresPassword:
            return unavailable(
                "the server asks for a password and none was given; put it in the URL or in PGPASSWORD", location)
        case .unsupportedAuthMechanism, .saslError:
            return unavailable("the login was refused: \(error.underlying.map { "\($0)" } ?? "\(error.code)")", location)
        case .connectionError:
            let cause = error.underlying.map { "\($0)" } ?? "no answer"
            return unavailable(
                "cannot connect (\(cause)); check the host, the port, the network and that the server is running",
                location)
        case .poolClosed:
            return unavailable("the store was already closed", location)
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return unavailable(
                "the server closed the connection\(error.underlying.map { " (\($0))" } ?? ""); "
                    + "if the URL has sslmode=verify-full or verify-ca, check the certificate and sslrootcert", location)
        default:
            return unavailable("the connection failed (\(error.code)\(error.underlying.map { ": \($0)" } ?? ""))", location)
        }
    }

    /// An error the server reported, with advice for the common ones.
    private static func serverError(_ error: PSQLError, location: PostgresLocation) -> any Error {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "an error"
        let said = "the server said: \(message)"
        let problem = "cannot use the record store at \(location.endpoint) (\(location)): "
        if state.hasPrefix("23") { return StoreError.constraint(problem + "\(said) (SQLSTATE \(state))") }
        if state == "40001" || state == "40P01" || state == "55P03" {
            return StoreError.busy(problem + "\(said); try again")
        }
        if state.hasPrefix("XX") { return StoreError.corrupt(problem + "\(said) (SQLSTATE \(state))") }
        switch state {
        case "28P01", "28000":
            return unavailable("the login as \(location.user) was refused (\(said)); check the user and password", location)
        case "3D000":
            return unavailable("the database \(location.database) does not exist; create it (see docs/deploy-postgres.md)", location)
        case "42501":
            return unavailable(
                "the user \(location.user) lacks a permission (\(said)); creating or upgrading tables needs the owner "
                    + "role (cares db migrate), everything else the grants in docs/deploy-postgres.md", location)
        case "42P01":
            return unavailable("the cares tables are missing (\(said)); run cares db migrate", location)
        case "53100":
            return unavailable("the database server's disk is full; free space and try again — earlier answers are saved", location)
        case "53300":
            return unavailable("the server has too many connections (\(said)); try again shortly", location)
        case "57P01", "57P02", "57P03":
            return unavailable("the server is shutting down or starting up (\(said)); try again shortly", location)
        case "25006":
            return unavailable("the database is read-only (\(said)); connect to the primary server", location)
        default:
            return unavailable("\(said) (SQLSTATE \(state))", location)
        }
    }

    static func unavailable(_ problem: String, _ location: PostgresLocation) -> StoreError {
        .unavailable("cannot use the record store at \(location.endpoint) (\(location)): \(problem)")
    }
}
