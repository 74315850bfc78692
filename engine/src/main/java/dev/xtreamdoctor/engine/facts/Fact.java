package dev.xtreamdoctor.engine.facts;

/** Marker for the observation records that may be inserted into a diagnosis session. */
public sealed interface Fact
    permits ServerInput,
        CredentialInput,
        DnsAnswer,
        TcpConnect,
        TlsHandshake,
        HttpResponse,
        LoginAnswer,
        Latency,
        PanelRequests,
        ReportedSymptoms,
        ProbeProblem,
        WatchSpan,
        HourSummary,
        HourOutcome,
        CauseRun {}
