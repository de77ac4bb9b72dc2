// The start-up floor for a Swift program: import Foundation and print one line.
import Foundation

print("hello \(ProcessInfo.processInfo.processIdentifier > 0)")
