Feature: The guide's FAQ: what the user reports
  Reported symptoms decide only when no check saw a fault. With nothing wrong, the doctor says
  so, and what to ask next.

  Scenario: It works on mobile data or a VPN, not on home broadband
    Given the facts of a working login
    And the check ran from a remote vantage
    And the user says the login works on mobile data
    And the user says the login works through a VPN
    When I evaluate the facts
    Then the category is LOGIN_FAILED
    And the cause is ISP_ROUTING
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the fixes include "VPN"

  Scenario: It works on another device, not on this one
    Given the facts of a working login
    And the user says the login works on another device
    And the failing device is a samsung_tv
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is ONE_DEVICE_FAILS
    And the fixes include "Clear the IPTV app's cache"
    And the fixes include "Settings > Support > Device Care > Manage Storage"

  Scenario: It works on another device while every connection is in use
    Given the facts of a working login
    And the line has 2 of 2 connections in use
    And the user says the login works on another device
    When I evaluate the facts
    Then the category is AUTHORIZATION_FAILED
    And the cause is CONNECTION_LIMIT_REACHED
    And there is no finding ONE_DEVICE_FAILS

  Scenario: It fails mostly at peak hours
    Given the facts of a working login
    And the user says it fails mostly at peak hours
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is PEAK_HOUR_FAILURES
    And the fixes include "VPN in another region"

  Scenario: Everything works from a remote vantage, yet the user still fails
    Given the facts of a working login
    And the check ran from a remote vantage
    And the app shows "Login Failed"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is REMOTE_ALL_CLEAR
    And the fixes include "Ask: does it work on mobile data"

  Scenario: Everything works from the user's network
    Given the facts of a working login
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And there is no finding REMOTE_ALL_CLEAR

  Scenario: Too little was checked to find anything
    Given only these facts:
      """
      {"facts": [
        {"type": "DnsAnswer", "resolverRole": "system", "resolver": "192.168.1.1:53", "host": "panel.example.com",
         "recordType": "A", "outcome": "dns.answered", "addresses": ["203.0.113.10"], "addressKinds": ["public"]}
      ]}
      """
    When I evaluate the facts
    Then the category is INCONCLUSIVE
    And the cause is NO_FAULT_SEEN

  Scenario: A check that could not finish is no fault in the line
    Given the facts of a working login
    And there is no Latency fact
    And the latency check could not finish: "no permission to open more sockets"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And there is an unchecked finding CHECK_INCOMPLETE
