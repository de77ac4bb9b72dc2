import TrainingKit
import GRDB
public enum StorePlaceholder {}
