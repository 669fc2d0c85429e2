namespace Course.Grading.Compilation;

/// <summary>A successfully compiled and validated unit (learner handler or exercise checks), as kept in the compile cache.</summary>
/// <param name="Assembly">The assembly image.</param>
/// <param name="Pdb">The portable PDB.</param>
/// <param name="CheckCode">For checks: check id → the check method's source; empty for learner code.</param>
internal sealed record CompiledUnit(byte[] Assembly, byte[] Pdb, IReadOnlyDictionary<string, string> CheckCode);
