using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Tests.Import;

/// <summary>A sequence made on another thread reads as the sequence itself: same elements, same order, same failure.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void EveryElementArrivesInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), ReadAhead.Of(Enumerable.Range(0, 10_000), depth: 2));
    }

    [Fact]
    public void RowsHandedOverInChunksArriveOneByOneInOrder()
    {
        // 10 001 rows: two full chunks of 4 096 and a part chunk, read back as the rows themselves.
        Assert.Equal(Enumerable.Range(0, 10_001), ReadAhead.InChunks(Enumerable.Range(0, 10_001)));
    }

    [Fact]
    public void TheProducersFailureArrivesAfterEveryElementMadeBeforeIt()
    {
        static IEnumerable<int> FailsAfterThree()
        {
            yield return 1;
            yield return 2;
            yield return 3;
            throw new InvalidDataException("part 4 is broken");
        }

        var read = new List<int>();
        var failure = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var element in ReadAhead.Of(FailsAfterThree())) read.Add(element);
        });

        Assert.Equal("part 4 is broken", failure.Message);
        Assert.Equal([1, 2, 3], read);
    }

    [Fact]
    public void AReaderThatStopsEarlyStopsTheProducerBeforeItReturns()
    {
        var made = 0;
        var finished = false;
        IEnumerable<int> Counting()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    made++;
                    yield return i;
                }
            }
            finally
            {
                finished = true;
            }
        }

        Assert.Equal([0, 1, 2], ReadAhead.Of(Counting(), depth: 1).Take(3));

        // Disposing waited for the producer: it ran its finally, and made at most the read ones plus the depth and the one it was adding.
        Assert.True(finished);
        Assert.InRange(made, 3, 5);
    }
}
