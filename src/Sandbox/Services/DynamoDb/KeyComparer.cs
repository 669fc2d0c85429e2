namespace Course.Sandbox.Services.DynamoDb;

/// <summary>Orders key values of one key attribute (S by UTF-8 bytes, N numerically, B by bytes).</summary>
internal sealed class KeyComparer : IComparer<DynamoValue>
{
    public static readonly KeyComparer Instance = new();

    public int Compare(DynamoValue? x, DynamoValue? y) =>
        x is null || y is null ? 0 : DynamoValue.CompareScalars(x, y) ?? x.Type.CompareTo(y.Type);
}
