extension String {
    /// White space folded: runs of spaces, tabs and line breaks become one space; ends trimmed.
    /// Works on UTF-8 bytes (only ASCII white space folds), so it is cheap on long prose.
    var folded: String {
        var copy = self
        return copy.withUTF8 { buffer -> String in
            var needsWork = false
            var previousSpace = true
            for b in buffer {
                let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
                if space && (b != 0x20 || previousSpace) { needsWork = true; break }
                previousSpace = space
            }
            if !needsWork && !previousSpace { return self }
            return String(unsafeUninitializedCapacity: buffer.count) { out in
                var n = 0
                var pendingSpace = false
                for b in buffer {
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}
