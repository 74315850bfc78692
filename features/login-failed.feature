Feature: Login Failed (guide chapter 2: network or ISP blocking)
  The details may be right, but something between the user and the panel stops the login.

  Scenario: The internet provider's DNS answers 0.0.0.0
    Given the facts of a working login
    And the system resolver answers the address "0.0.0.0" (unspecified)
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the evidence includes "0.0.0.0"

  Scenario Outline: The internet provider's DNS answers a non-routable address (<kind>)
    Given the facts of a working login
    And the system resolver answers the address "<address>" (<kind>)
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the evidence includes "<address>"

    Examples:
      | address     | kind       |
      | 127.0.0.1   | loopback   |
      | 10.10.34.35 | private    |
      | 100.64.10.1 | shared     |
      | 169.254.0.1 | link_local |

  Scenario Outline: Cloudflare's challenge page (HTTP <status>) is the provider's filter, not load
    Given the facts of a working login
    And the answer comes from Cloudflare with CF-RAY "8e3f1a2b3c4d5e6f-AMS"
    And the login request gets HTTP <status> with a web page saying "<title>Just a moment...</title> Enable JavaScript and cookies to continue"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PROVIDER_FILTER

    Examples:
      | status |
      | 403    |
      | 503    |

  Scenario: The internet provider's DNS leads to its block page
    Given the facts of a working login
    And the system resolver answers the address "198.51.100.7" (public)
    And the address "198.51.100.7", which only the system resolver gave, serves a block page
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the evidence includes "serves a block page"

  Scenario: DNS is fine, but the login request meets a block page (HTTP 451)
    Given the facts of a working login
    And the login request gets HTTP 451 with an html body of 2310 bytes
    And the answer carries the signal "block_page"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is HTTP_BLOCKED
    And the fixes include "VPN"

  Scenario: DNS is fine, but the login request meets a court-order block page (HTTP 200)
    Given the facts of a working login
    And the login request gets HTTP 200 with a web page saying "Access to this website has been blocked pursuant to a court order"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is HTTP_BLOCKED

  Scenario: DNS is fine, but the connection is reset mid-request
    Given the facts of a working login
    And the connection is reset during the login request
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is HTTP_BLOCKED

  Scenario: The provider's firewall answers 403 with its own page
    Given the facts of a working login
    And the login request gets HTTP 403 with an html body of 548 bytes
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PROVIDER_FILTER
    And the fixes include "HTTP 403"

  Scenario: A web page where the login JSON should be
    Given the facts of a working login
    And the login request gets HTTP 200 with an html body of 1200 bytes
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PROVIDER_FILTER

  Scenario: 403 with an empty body: the panel's flood block list
    Given the facts of a working login
    And the login request gets HTTP 403 with an empty body
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is FLOOD_BAN
    And the fixes include "Restart the router"

  Scenario: The panel answered, then went silent
    Given the facts of a working login
    And the panel went silent after answering
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is FLOOD_BAN

  Scenario: The doctor stopped because the panel went silent
    Given the facts of a working login
    And the doctor stopped probing because the panel went silent after 4 requests
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is FLOOD_BAN
    And the evidence includes "after 4 of at most 6 requests"

  Scenario: DNS is fine, but the port does not let the connection in
    Given the facts of a working login
    And the connection to the panel's port is timed_out
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PORT_UNREACHABLE
    And the fixes include "mobile data or a VPN"

  Scenario: The panel's answer is broken JSON
    Given the facts of a working login
    And the panel's answer is panel.answer_malformed
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PANEL_ANSWER_MALFORMED
    And the fixes include "invalid JSON"

  Scenario: 0.0.0.0 from the system resolver is a block, whatever public resolvers answer
    Given the facts of a working login
    And the system resolver answers the address "0.0.0.0" (unspecified)
    And the public resolver's answer has:
      | addresses    | 127.0.0.1 |
      | addressKinds | loopback  |
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the evidence includes "0.0.0.0"

  Scenario: A 401 whose body is the panel's login JSON (auth 0) is a credentials answer
    Given the facts of a working login
    And the login request gets HTTP 401 with a json body of 24 bytes
    And the answer carries the signal "user_info"
    And the login answer says auth 0
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is CREDENTIALS_REJECTED
    And there is no finding PROVIDER_FILTER

  Scenario: PHP warnings before the login JSON: the panel's answer, with a warning
    Given the facts of the example "panel-misconfigured"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is PANEL_MISCONFIGURED
    And the fixes include "display_errors"

  Scenario Outline: An answer the app cannot read: <cause>
    Given the facts of the example "<example>"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is <cause>

    Examples:
      | example                   | cause                     |
      | answer-truncated          | ANSWER_TRUNCATED          |
      | answer-too-large          | ANSWER_TOO_LARGE          |
      | answer-inflates-too-large | ANSWER_INFLATES_TOO_LARGE |
      | header-line-too-long      | HEADER_LINE_TOO_LONG      |
      | too-many-headers          | TOO_MANY_HEADERS          |
      | headers-too-large         | HEADERS_TOO_LARGE         |

  Scenario Outline: A redirect the app cannot follow to a login: <cause>
    Given the facts of the example "<example>"
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is <cause>
    And the evidence includes "<seen>"

    Examples:
      | example           | cause             | seen                             |
      | redirect-loop     | REDIRECT_LOOP     | already requested                |
      | redirect-dead-end | REDIRECT_DEAD_END | old-cdn.example.net              |
      | redirect-refused  | REDIRECT_REFUSED  | 10.0.0.5                         |

  Scenario: More than 20 redirects: the app gives up
    Given the facts of the example "redirect-loop"
    And the HttpResponse fact has:
      | outcome | http.too_many_redirects |
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is REDIRECT_LOOP

  Scenario: The connection is reset while it opens: the port cannot be reached
    Given the facts of a working login
    And the connection to the panel's port is reset
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is PORT_UNREACHABLE
