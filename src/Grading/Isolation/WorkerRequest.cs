using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Isolation;

/// <summary>What the grader sends a worker on stdin (one JSON document).</summary>
/// <param name="Nonce">A random marker prefixing every protocol line the worker writes, so learner output can never forge one.</param>
/// <param name="Exercise">The exercise.</param>
/// <param name="LearnerAssembly">The compiled learner assembly.</param>
/// <param name="LearnerPdb">Its portable PDB (line numbers in stack traces).</param>
/// <param name="ChecksAssembly">The compiled checks.</param>
/// <param name="ChecksPdb">Their portable PDB.</param>
/// <param name="Seed">The grading seed.</param>
internal sealed record WorkerRequest(string Nonce, ExerciseDefinition Exercise, byte[] LearnerAssembly, byte[] LearnerPdb, byte[] ChecksAssembly, byte[] ChecksPdb, int Seed);
